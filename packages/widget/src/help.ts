/** What the visitor searched in the Help tab and the articles they read, taken into the chat. */
export interface HelpContext {
  query: string;
  articleIds: string[];
}
