/**
 * Text a visitor or an agent wrote (a name, a message, a preview): its bidirectional controls shown as
 * markers rather than obeyed, and its direction isolated, so right-to-left text or a stray override
 * cannot reorder the label, time or row around it.
 */
import { visibleControls } from '@candor/protocol';

export function UserText({ text }: { text: string }) {
  return <bdi dir="auto">{visibleControls(text)}</bdi>;
}
