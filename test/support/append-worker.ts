// A separate writer process for the store's concurrency test: opens the store at argv[2] and
// appends argv[4] restriction events one by one as actor argv[3], numbered 1… in `requested`.
import { openStore } from '../../src/store/store.ts';

const [target, actor, count] = process.argv.slice(2);
const store = await openStore(target!, { mustExist: true });
for (let i = 1; i <= Number(count); i += 1) {
  await store.append([{ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: i, denied: i } as never], actor!);
}
await store.close();
