/** Removes secrets from text that leaves the core (replies, drafts); implemented in src/redaction. */
export interface TextRedactor {
  redact(text: string): string;
}
