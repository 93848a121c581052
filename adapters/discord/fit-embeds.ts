import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS as L } from './discord-limits.ts';
import { truncate } from './split-text.ts';

/**
 * Clamps embeds to Discord's limits: title 256, description 4096, 25 fields of 1024, footer 2048,
 * 6000 characters across all embeds of a message and 10 embeds. Fields that no longer fit are
 * dropped from the end, and the last kept field says how many were left out.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  let budget: number = L.embedTotal;
  const fitted: APIEmbed[] = [];
  for (const embed of embeds.slice(0, L.embedsPerMessage)) {
    const clamped = clampParts(embed);
    const fixed = textLength({ ...clamped, fields: [] });
    if (fixed > budget) {
      if (fitted.length === 0) fitted.push(shrinkHead(clamped, budget));
      break;
    }
    budget -= fixed;
    const fields = fitFields(clamped.fields ?? [], budget);
    budget -= fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    fitted.push({ ...clamped, ...(clamped.fields ? { fields } : {}) });
  }
  return fitted;
}

/** The characters Discord counts against the 6000 total. */
export function textLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function clampParts(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = truncate(embed.title, L.embedTitle);
  if (embed.description !== undefined) out.description = truncate(embed.description, L.embedDescription);
  if (embed.footer) out.footer = { ...embed.footer, text: truncate(embed.footer.text, L.footerText) };
  if (embed.author) out.author = { ...embed.author, name: truncate(embed.author.name, L.authorName) };
  if (embed.fields) {
    out.fields = embed.fields
      .map((field) => ({
        ...field,
        name: truncate(field.name || '\u200b', L.fieldName),
        value: truncate(field.value || '\u200b', L.fieldValue),
      }))
      .slice(0, L.embedFields);
    const dropped = embed.fields.length - out.fields.length;
    if (dropped > 0) out.fields = withOverflowNote(out.fields, dropped + 1);
  }
  return out;
}

/** Keeps fields while they fit the remaining budget; the last one kept notes what was dropped. */
function fitFields(fields: APIEmbedField[], budget: number): APIEmbedField[] {
  const kept: APIEmbedField[] = [];
  let used = 0;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (used + size > budget) {
      const dropped = fields.length - kept.length;
      const note = overflowField(dropped);
      while (kept.length > 0 && used + note.name.length + note.value.length > budget) {
        const last = kept.pop() as APIEmbedField;
        used -= last.name.length + last.value.length;
        note.value = `${fields.length - kept.length} more not shown; see /incident timeline.`;
      }
      if (used + note.name.length + note.value.length <= budget) kept.push(note);
      return kept;
    }
    kept.push(field);
    used += size;
  }
  return kept;
}

function withOverflowNote(fields: APIEmbedField[], dropped: number): APIEmbedField[] {
  return [...fields.slice(0, -1), overflowField(dropped)];
}

function overflowField(dropped: number): APIEmbedField {
  return { name: '…', value: `${dropped} more not shown; see /incident timeline.` };
}

/** A single embed whose title and description alone exceed the budget: cut the description. */
function shrinkHead(embed: APIEmbed, budget: number): APIEmbed {
  const { fields: _fields, ...head } = embed;
  const others = textLength({ ...head, description: '' });
  const room = Math.max(0, budget - others);
  return {
    ...head,
    ...(head.description === undefined ? {} : { description: truncate(head.description, room) }),
  };
}
