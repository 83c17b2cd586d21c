/** The help centre's one stylesheet, served from /help/help.css (the CSP allows no inline style). */
export const HELP_CSS = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1f;background:#fff}
header,main{max-width:46rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center;border-bottom:1px solid #d0d0d7}
.brand{margin:0;font-weight:700}
a{color:#0b57d0}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;width:100%}
form label{width:100%;font-weight:600}
input[type=search]{flex:1;min-width:12rem;padding:.5rem;font:inherit;border:1px solid #6b6b76;border-radius:4px}
button{padding:.5rem 1rem;font:inherit;color:#fff;background:#0b57d0;border:0;border-radius:4px;cursor:pointer}
ul,ol{padding-left:1.25rem}
.results{list-style:none;padding:0}
.results h2{font-size:1.1rem;margin-bottom:.25rem}
.crumbs{list-style:none;padding:0;display:flex;gap:.5rem;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-right:.5rem}
pre{overflow:auto;background:#f4f4f6;padding:.75rem}
.check input{flex:1;min-width:12rem;padding:.5rem;font:inherit;border:1px solid #6b6b76;border-radius:4px;text-transform:uppercase}
.verdict{border-left:6px solid;padding:.5rem 1rem;margin:1.5rem 0}
.verdict h2{margin:.25rem 0}
.genuine{border-color:#1a7f37;background:#eefbf1}
.not-genuine{border-color:#b3261e;background:#fdeeee}
`;
