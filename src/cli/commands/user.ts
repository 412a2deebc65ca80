import { readFileSync } from 'node:fs';
import { DrawdownError } from '../../domain/errors.ts';
import { hashPassword } from '../../server/passwords.ts';
import { userInput } from '../../server/routes/admin.ts';
import { openStore } from '../../store/store.ts';
import { format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = [
  'drawdown user add NAME --role ROLE --clearance LEVEL [--db FILE]   (password from stdin or $DRAWDOWN_PASSWORD)',
  'drawdown user list [--db FILE] [--format text|json]',
  'drawdown user disable NAME [--db FILE]                             ends their sessions at once',
].join('\n');

export async function user(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('user', argv, { db: { type: 'string' }, role: { type: 'string' }, clearance: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('user', values.format);
  const [sub, name, ...rest] = positionals;
  if (rest.length > 0 || !['add', 'list', 'disable'].includes(sub ?? '')) throw new DrawdownError('DRW_USAGE', 'drawdown user: use `user add NAME`, `user list` or `user disable NAME`');
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    if (sub === 'list') {
      const users = (await store.access.users()).map(({ password_hash: _h, ...u }) => u);
      if (fmt === 'json') io.out(JSON.stringify(users, null, 2));
      else for (const u of users) io.out(`${u.name.padEnd(20)} ${u.role.padEnd(18)} ${u.clearance.padEnd(22)} ${u.disabled ? 'disabled' : 'active'}`);
      return 0;
    }
    if (!name) throw new DrawdownError('DRW_USAGE', `drawdown user ${sub}: give the user's name`);
    if (sub === 'disable') {
      if (!(await store.access.disableUser(name))) throw new DrawdownError('DRW_NOT_FOUND', `no user ${name}`);
      io.out(`${name} disabled; their sessions have ended`);
      return 0;
    }
    const password = process.env.DRAWDOWN_PASSWORD ?? readFileSync(0, 'utf8').trim();
    const input = userInput.safeParse({ name, password, role: values.role, clearance: values.clearance });
    if (!input.success) throw new DrawdownError('DRW_USAGE', 'drawdown user add: invalid input', input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    if (await store.access.user(name)) throw new DrawdownError('DRW_EVENT_CONFLICT', `user ${name} exists`);
    await store.access.addUser({ name, passwordHash: await hashPassword(input.data.password), role: input.data.role, clearance: input.data.clearance });
    io.out(`added ${name} (${input.data.role}, cleared to ${input.data.clearance})`);
    return 0;
  } finally {
    await store.close();
  }
}
