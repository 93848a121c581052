import { type ConsoleSession, createConsoleSession } from '../support/test-app.ts';
import {
  type AdapterDriver,
  commandText,
  declaredNumber,
  type Person,
  type SaidMessage,
} from './adapter-driver.ts';

/** How the console shows who speaks where: `[#general] tocsin (only visible to you): `. */
const SPEAKER = /^\[[^\]]+\] tocsin(?: \(only visible to you\))?: /;

/**
 * The console adapter, typed into line by line. It has no message ids: `/edit` and `/delete`
 * act on your last message, `/pin` on the channel's last, so the driver refuses any other use.
 */
export async function startConsoleDriver(): Promise<AdapterDriver> {
  const session: ConsoleSession = createConsoleSession();
  let number = 0;
  let said = 0;
  const lastBy = new Map<Person, string>();
  let lastInChannel: string | undefined;
  const typeAs = async (person: Person, line: string) =>
    (await session.type(`/as ${person}`, line))
      .split('\n')
      .filter((printed) => printed.length > 0)
      .map((printed) => printed.replace(SPEAKER, ''));
  const expectLast = (message: SaidMessage, last: string | undefined, what: string) => {
    if (last !== message.id) throw new Error(`the console can ${what} only the last message`);
  };
  return {
    platform: 'console',
    redactor: session.app.services.redactor,
    async command(name, options = {}, as = 'alice') {
      const seen = await typeAs(as, `/incident ${commandText(name, options)}`);
      number = declaredNumber(seen) ?? number;
      return seen;
    },
    mention: (person) => `@${person}`,
    async say(text, as = 'alice') {
      await typeAs(as, text);
      said += 1;
      const message = { id: `said-${said}`, author: as };
      lastBy.set(as, message.id);
      lastInChannel = message.id;
      return message;
    },
    async edit(message, text) {
      expectLast(message, lastBy.get(message.author), 'edit');
      await typeAs(message.author, `/edit ${text}`);
    },
    async remove(message) {
      expectLast(message, lastBy.get(message.author), 'delete');
      await typeAs(message.author, '/delete');
    },
    async pin(message, by = 'alice') {
      expectLast(message, lastInChannel, 'pin');
      await typeAs(by, '/pin');
    },
    events: () => session.app.store.read({ platform: 'console', workspace: 'local', number }),
    close: () => session.dispose(),
  };
}
