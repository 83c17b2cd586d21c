/**
 * All of the widget's CSS, applied inside its shadow root. `:host { all: initial !important }` stops the
 * page's inherited properties (font, colour, line-height…) at the boundary; !important because page
 * rules aimed at the host element would otherwise win. Sizes are in px: rem follows the page's root.
 * Colours keep text at 4.5:1 or more against its background.
 */
export const CSS = `
:host{all:initial!important}
*{box-sizing:border-box}
[hidden]{display:none!important}
.root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f}
button,textarea,input{font:inherit;color:inherit}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;
border:1px solid transparent;background:#1d4ed8;color:#fff;cursor:pointer;display:grid;place-items:center;
box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.launcher[data-unread]::after{content:"";position:absolute;top:2px;right:2px;width:14px;height:14px;
border-radius:50%;background:#c62828;border:2px solid #fff}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:370px;height:min(600px,calc(100vh - 110px));
display:flex;flex-direction:column;background:#fff;border:1px solid #d5d7dd;border-radius:14px;overflow:hidden;
box-shadow:0 10px 40px rgba(0,0,0,.2);animation:in .18s ease-out}
@keyframes in{from{opacity:0;transform:translateY(12px)}}
.head{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:#1d4ed8;color:#fff}
h2{flex:1;margin:0;font-size:16px;font-weight:600}
.icon{border:1px solid transparent;background:none;border-radius:8px;padding:6px;cursor:pointer;display:grid}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.log:empty::before{content:attr(data-empty);color:#4a4f5a;margin:auto 0 0}
.msg{max-width:85%;align-self:flex-start;display:flex;flex-direction:column}
.msg[data-author=visitor]{align-self:flex-end;align-items:flex-end}
.msg[data-author=system]{align-self:center;color:#4a4f5a;font-size:13px}
.who,.body{unicode-bidi:isolate}
.who{font-size:12px;color:#4a4f5a;margin:0 0 2px 4px}
.body{margin:0;padding:8px 12px;border-radius:14px;background:#eceef2;white-space:pre-wrap;overflow-wrap:anywhere;
border:1px solid transparent}
.msg[data-author=visitor] .body{background:#1d4ed8;color:#fff}
.msg[data-state=sending] .body{opacity:.75}
.msg[data-state=failed] .body{background:#fff;color:#1b1b1f;border-color:#c62828}
.meta,.time,.seen{font-size:12px;color:#4a4f5a;margin-top:2px}
.time{margin:2px 4px 0}
.body a{color:inherit;text-decoration:underline}
.msg[data-state=failed] .meta{color:#b71c1c}
.msg[data-author=bot] .who{font-weight:600}
.bot button,.ask button,.meta button{border:0;background:none;padding:0;color:#1d4ed8;text-decoration:underline;cursor:pointer}
.note,.status{margin:0;padding:0 16px;font-size:13px;color:#4a4f5a}
.note{padding:8px 16px;background:#f4f5f7;border-top:1px solid #e3e5ea}
.status:empty{display:none}
.status{padding:4px 16px}
.queue{margin:0;padding:8px 16px;font-size:13px;color:#1b1b1f;background:#eef3ff;border-top:1px solid #c9d6f5}
.preview{margin:0;padding:8px 16px;font-size:13px;background:#fff4d6;border-top:1px solid #e8d08a}
.preview[data-preview=off]{background:#f4f5f7;border-color:#e3e5ea;color:#4a4f5a}
.preview button{min-height:24px;border:0;background:none;padding:0 2px;color:#1d4ed8;text-decoration:underline;
font-weight:600;cursor:pointer}
form{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid #e3e5ea}
textarea,[type=search]{flex:1;resize:none;min-height:40px;max-height:140px;field-sizing:content;padding:9px 12px;border:1px solid #8a8f99;
border-radius:10px;background:#fff}
.send{width:40px;height:40px;border:1px solid transparent;border-radius:10px;background:#1d4ed8;color:#fff;cursor:pointer;
display:grid;place-items:center}
.contact{flex-direction:column;align-items:stretch;gap:6px;font-size:13px}
.contact p{margin:0}.rating [aria-pressed=true]{background:#1d4ed8;color:#fff}.rating textarea{font:inherit}.contact label{display:flex;flex-direction:column;gap:2px}
.contact input{font:inherit;padding:6px 8px;border:1px solid #8a8f99;border-radius:8px}
.contact div{display:flex;gap:8px}.contact button{font:inherit;padding:6px 12px;border-radius:8px;cursor:pointer;
border:1px solid #1d4ed8;background:#fff;color:#1d4ed8}.contact [type=submit]{background:#1d4ed8;color:#fff}
.problem:empty{display:none}.problem{color:#b71c1c}
.privacy{padding:4px 16px 8px;font-size:12px;color:#4a4f5a}.privacy ul{margin:4px 0 0;padding-left:18px}
.privacy summary{cursor:pointer}
[role=tablist]{display:flex}[role=tab]{flex:1;padding:8px;border:0;border-bottom:3px solid #e3e5ea;background:none}
[aria-selected=true]{border-color:#1d4ed8;font-weight:600}.pane{flex:1;display:flex;flex-direction:column;min-height:0}
.log button{border:0;background:none;padding:0;color:#1d4ed8;text-decoration:underline;text-align:left}
.mark{font-size:12px;color:#1b5e20;margin:0 0 2px 4px}.mark a{color:#1d4ed8}
.code input{flex:1;min-height:40px;padding:9px 12px;border:1px solid #8a8f99;border-radius:10px;letter-spacing:2px}
.code button{padding:0 12px;border:1px solid transparent;border-radius:10px;background:#1d4ed8;color:#fff;cursor:pointer}
.contact fieldset{display:flex;flex-direction:column;border:0;margin:0;padding:0}.contact fieldset label{flex-direction:row;gap:6px}
.hc{margin:10px;padding:9px;border-radius:10px;border:1px solid #1d4ed8;background:#fff;color:#1d4ed8}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0;border:0}
.root[data-open] .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
