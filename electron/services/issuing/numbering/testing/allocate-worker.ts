/**
 * Test worker: another process giving numbers from the same profile database (the CLI beside the app).
 * argv: <db file> <company NIP> <series id> <issue date> <count>; prints the numbers as JSON.
 */
import { openDatabase } from '../../../storage/database';
import { ISSUING_MIGRATIONS } from '../../migrations';
import { NumberingStore } from '../numbering-store';

const [file, nip, seriesId, issueDate, count] = process.argv.slice(2) as [string, string, string, string, string];
const db = openDatabase(file, ISSUING_MIGRATIONS);
const store = new NumberingStore(() => db);
const numbers: string[] = [];
for (let index = 0; index < Number(count); index++) numbers.push(store.allocate(nip, seriesId, issueDate));
db.close();
process.stdout.write(JSON.stringify(numbers));
