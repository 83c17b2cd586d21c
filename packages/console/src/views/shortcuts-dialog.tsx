/** The "Keyboard shortcuts" help: a modal dialog (Escape closes it, focus returns where it was). */
import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from '../shortcuts';
import { sayShell } from '../shell-text';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      class="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
      onClose={onClose}
    >
      <h2 id="shortcuts-title">{sayShell('keyboardShortcuts')}</h2>
      <p class="quiet">{sayShell('shortcutsWhere')}</p>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{sayShell(s.label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {sayShell('close')}
      </button>
    </dialog>
  );
}
