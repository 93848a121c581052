/**
 * Block Kit limits Slack enforces, checked the way Slack reports them: each problem is a string
 * "<what is wrong> [json-pointer:/blocks/3/text/text]". A subset of Slack's rules: the ones a bot
 * is likely to hit (counts and lengths), not the full schema.
 */

type Obj = Record<string, unknown>;

export const BLOCK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  blockId: 255,
  contextElements: 10,
  actionsElements: 25,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  imageAltText: 2000,
  inputLabel: 2000,
  markdownText: 12000,
  viewTitle: 24,
  viewButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  messageText: 40000,
  attachments: 100,
} as const;

const BLOCK_TYPES = new Set([
  'section',
  'header',
  'divider',
  'context',
  'actions',
  'image',
  'input',
  'rich_text',
  'markdown',
  'file',
  'video',
  'table',
  'context_actions',
]);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Problems {
  readonly list: string[] = [];
  add(message: string, pointer: string): void {
    this.list.push(`${message} [json-pointer:${pointer}]`);
  }
  maxLen(value: unknown, max: number, pointer: string): void {
    if (typeof value === 'string' && value.length > max)
      this.add(`must be less than ${max + 1} characters`, pointer);
  }
  maxItems(value: unknown, max: number, pointer: string): void {
    if (Array.isArray(value) && value.length > max) this.add(`no more than ${max} items allowed`, pointer);
  }
  /** A text object: `{ type: 'plain_text' | 'mrkdwn', text }`, non-empty, at most `max` chars. */
  text(value: unknown, max: number, pointer: string, plainOnly = false): void {
    if (!isObj(value)) return this.add('must provide an object', pointer);
    const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(String(value.type)))
      this.add(`must be one of ${allowed.join(', ')}`, `${pointer}/type`);
    if (typeof value.text !== 'string' || value.text.length === 0)
      this.add('must be more than 0 characters', `${pointer}/text`);
    this.maxLen(value.text, max, `${pointer}/text`);
  }
}

function checkElement(el: unknown, p: Problems, at: string): void {
  if (!isObj(el)) return p.add('must provide an object', at);
  if (typeof el.type !== 'string') p.add('must provide a type', `${at}/type`);
  p.maxLen(el.action_id, BLOCK_LIMITS.actionId, `${at}/action_id`);
  if (el.type === 'button') {
    p.text(el.text, BLOCK_LIMITS.buttonText, `${at}/text`, true);
    p.maxLen(el.value, BLOCK_LIMITS.buttonValue, `${at}/value`);
    p.maxLen(el.url, BLOCK_LIMITS.url, `${at}/url`);
  }
}

function checkBlock(block: unknown, p: Problems, at: string): void {
  if (!isObj(block)) return p.add('must provide an object', at);
  const type = block.type;
  if (typeof type !== 'string' || !BLOCK_TYPES.has(type))
    return p.add(`invalid block type "${String(type)}"`, `${at}/type`);
  p.maxLen(block.block_id, BLOCK_LIMITS.blockId, `${at}/block_id`);
  switch (type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined)
        p.add('must provide either text or fields', at);
      if (block.text !== undefined) p.text(block.text, BLOCK_LIMITS.sectionText, `${at}/text`);
      if (Array.isArray(block.fields)) {
        p.maxItems(block.fields, BLOCK_LIMITS.sectionFields, `${at}/fields`);
        for (const [i, f] of block.fields.entries())
          p.text(f, BLOCK_LIMITS.sectionFieldText, `${at}/fields/${i}`);
      }
      if (block.accessory !== undefined) checkElement(block.accessory, p, `${at}/accessory`);
      break;
    case 'header':
      p.text(block.text, BLOCK_LIMITS.headerText, `${at}/text`, true);
      break;
    case 'context':
    case 'actions': {
      const max = type === 'context' ? BLOCK_LIMITS.contextElements : BLOCK_LIMITS.actionsElements;
      if (!Array.isArray(block.elements) || block.elements.length === 0)
        p.add('must provide at least 1 item', `${at}/elements`);
      p.maxItems(block.elements, max, `${at}/elements`);
      if (type === 'actions' && Array.isArray(block.elements))
        for (const [i, e] of block.elements.entries()) checkElement(e, p, `${at}/elements/${i}`);
      break;
    }
    case 'image':
      if (typeof block.alt_text !== 'string') p.add('must provide alt_text', `${at}/alt_text`);
      p.maxLen(block.alt_text, BLOCK_LIMITS.imageAltText, `${at}/alt_text`);
      p.maxLen(block.image_url, BLOCK_LIMITS.url, `${at}/image_url`);
      break;
    case 'input':
      p.text(block.label, BLOCK_LIMITS.inputLabel, `${at}/label`, true);
      if (block.element === undefined) p.add('must provide an element', `${at}/element`);
      else checkElement(block.element, p, `${at}/element`);
      break;
    case 'markdown':
      if (typeof block.text !== 'string') p.add('must provide text', `${at}/text`);
      p.maxLen(block.text, BLOCK_LIMITS.markdownText, `${at}/text`);
      break;
  }
}

/** Problems with a `blocks` array (empty list = valid). `pointer` is where the array sits. */
export function validateBlocks(
  blocks: unknown,
  maxBlocks: number = BLOCK_LIMITS.messageBlocks,
  pointer = '/blocks',
): string[] {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add('must provide an array', pointer);
    return p.list;
  }
  p.maxItems(blocks, maxBlocks, pointer);
  for (const [i, b] of blocks.entries()) checkBlock(b, p, `${pointer}/${i}`);
  return p.list;
}

/** Problems with a modal or Home tab view (views.open / views.update / views.push / views.publish). */
export function validateView(view: unknown): string[] {
  const p = new Problems();
  if (!isObj(view)) {
    p.add('must provide an object', '/view');
    return p.list;
  }
  if (view.type !== 'modal' && view.type !== 'home') p.add('must be one of modal, home', '/view/type');
  if (view.type === 'modal') p.text(view.title, BLOCK_LIMITS.viewTitle, '/view/title', true);
  if (view.submit !== undefined) p.text(view.submit, BLOCK_LIMITS.viewButton, '/view/submit', true);
  if (view.close !== undefined) p.text(view.close, BLOCK_LIMITS.viewButton, '/view/close', true);
  p.maxLen(view.callback_id, BLOCK_LIMITS.callbackId, '/view/callback_id');
  p.maxLen(view.private_metadata, BLOCK_LIMITS.privateMetadata, '/view/private_metadata');
  p.list.push(...validateBlocks(view.blocks, BLOCK_LIMITS.modalBlocks, '/view/blocks'));
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
  if (view.type === 'modal' && hasInput && view.submit === undefined) {
    p.add('must provide submit when using input blocks', '/view/submit');
  }
  return p.list;
}

/** The extra fields Slack adds to an `invalid_blocks` / `invalid_arguments` answer. */
export function problemDetails(problems: string[]): Record<string, unknown> {
  return { errors: problems, response_metadata: { messages: problems.map((m) => `[ERROR] ${m}`) } };
}
