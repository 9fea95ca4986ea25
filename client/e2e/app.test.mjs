// The built app in Debian's Chromium against a real `cma serve --demo` on SQLite.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, checkScreen, launchBrowser, newWatchedPage, screenshot, signIn, startServer, tinyPdf } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const slow = { timeout: 90_000 };

// The date in London `days` from today, as YYYY-MM-DD.
function londonDate(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  // From the parts: CLDR 42 (Debian 12's Node.js) writes en-CA dates as M/D/Y, not Y-M-D.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

describe('the web app', () => {
  test('a wrong password is refused plainly, then the admin signs in and walks the admin screens', slow, async () => {
    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { name: 'CMA Case Management' }).waitFor();
    await checkScreen(page, 'sign-in');

    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The e-mail address or password is not right').waitFor();

    await page.getByLabel(/^Password/).fill(server.login('admin@example.org').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the page first asked for.
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.getByRole('cell', { name: 'manager.lds@example.org' }).waitFor();
    await checkScreen(page, 'users');

    // The centre filter lives in the URL.
    await page.getByLabel('Centre').selectOption({ label: 'LDS · Leeds Money Advice' });
    await page.waitForURL(/centreId=/);
    // advisor.lds is on both lists; the Manchester adviser leaves once the filtered list arrives.
    await page.getByRole('cell', { name: 'advisor.man@example.org' }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'advisor.lds@example.org' }).waitFor();

    await page.getByRole('link', { name: 'Centres' }).click();
    await page.getByRole('cell', { name: 'Manchester Debt Advice Centre', exact: true }).waitFor();
    await checkScreen(page, 'centres');

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByText('Chain links on this page: intact').waitFor();
    await page.getByLabel('Entity type').selectOption('centre');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/entityType=centre/);
    // centre.create entries are the oldest, far from the unfiltered first page: once one shows,
    // the filtered list has arrived, and it holds nothing but entries about centres.
    await page.getByRole('cell', { name: 'centre.create' }).first().waitFor();
    const actions = await page
      .getByRole('table', { name: 'Audit entries' })
      .locator('tbody tr td:nth-child(3)')
      .allTextContents();
    assert.ok(actions.length > 0 && actions.every((a) => a.startsWith('centre.')), actions.join(', '));
    // The server's full check of every chain of the demo network, as the admin sees them.
    await page.getByRole('button', { name: 'Verify the chains' }).click();
    await page.getByText('Audit trail verified: intact').waitFor();
    await checkScreen(page, 'audit');

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('table', { name: 'Clients' }).waitFor();
    await checkScreen(page, 'clients');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Signed out for real: a reload does not bring the session back.
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a trainee sees no admin screens, even by URL, and the session survives a reload', slow, async () => {
    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    await signIn(page, server.url, server.login('trainee.man@example.org'));
    assert.equal(await page.getByRole('link', { name: 'Users and roles' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Audit trail' }).count(), 0);
    await page.goto(`${server.url}/admin/audit`);
    await page.getByText('Not available to your role').waitFor();
    await checkScreen(page, 'not-available');
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await checkScreen(page, 'change-password');
    await page.goto(`${server.url}/clients`);
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await checkScreen(page, 'clients-trainee');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('repeated failures lock the account out, and the message says how long for', slow, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill('trainee.lds@example.org');
    let message = '';
    for (let attempt = 0; attempt < 8 && !/try again in/.test(message); attempt += 1) {
      await page.getByLabel(/^Password/).fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await answered;
      message = (await page.getByRole('alert').textContent()) ?? '';
    }
    assert.match(message, /locked for this account; try again in \d+ (minutes?|seconds?)/);
    await screenshot(page, 'sign-in-locked');
    await context.close();
  });

  test('two tabs refreshing at the same moment both stay signed in', slow, async () => {
    const problems = [];
    const context = await browser.newContext();
    const first = await newWatchedPage(context, problems);
    const second = await newWatchedPage(context, problems);
    const manager = server.login('manager.man@example.org');
    await signIn(first, server.url, manager);
    // The second tab has no token of its own: it restores the session from the shared cookie.
    await second.goto(`${server.url}/admin/users`);
    await second.getByRole('heading', { name: 'Users and roles' }).waitFor();

    // Both tabs start again at once, and each renews the session from the one refresh cookie.
    // Presenting a refresh token twice would revoke the family and sign both out.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([first.reload(), second.reload()]);
      await Promise.all([
        first.getByRole('button', { name: 'Sign out' }).waitFor(),
        second.getByRole('button', { name: 'Sign out' }).waitFor(),
      ]);
    }
    await first.getByRole('link', { name: 'Clients' }).click();
    await first.getByRole('table', { name: 'Clients' }).waitFor();
    await second.getByRole('cell', { name: 'manager.man@example.org' }).waitFor();

    // The server saw no refresh token used twice.
    const get = await apiAs(server.url, server.login('admin@example.org'));
    const audit = await get('/api/v1/audit?entityType=user&limit=100');
    assert.equal(audit.items.filter((e) => e.action === 'auth.refresh_reuse').length, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
  test('an adviser takes a new client from first contact to a closed case', { timeout: 240_000 }, async () => {
    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    await signIn(page, server.url, server.login('advisor.man@example.org'));

    // A new client, created from the clients list.
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('button', { name: 'New client' }).click();
    const newClient = page.getByRole('form', { name: 'Create client' });
    await newClient.getByLabel(/^First name/).fill('Eve');
    await newClient.getByLabel(/^Last name/).fill('Tester');
    await newClient.getByLabel(/^Postcode/).fill('m1 1aa');
    await newClient.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Eve Tester' }).waitFor();
    await page.getByText('No cases for this client yet.').waitFor();
    await checkScreen(page, 'client');

    // A case for them.
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByRole('form', { name: 'Open a case' }).getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('heading', { name: /^Case MAN-\d{4}-\d{5,}$/ }).waitFor();
    const caseUrl = page.url();
    await checkScreen(page, 'case-overview');

    // Three debts.
    await page.getByRole('tab', { name: 'Debts' }).click();
    await page.waitForURL(/tab=debts/);
    await page.getByRole('button', { name: 'Add a debt' }).click();
    const addDebt = page.getByRole('form', { name: 'Add a debt' });
    const debts = [
      ['Manchester City Council', 'council_tax_arrears', '1,240.00', 'CT-0042-7781'],
      ['Big Bank', 'credit_card', '3000', ''],
      ['Store Card Co', 'store_card', '2000', ''],
    ];
    for (const [creditor, type, balance, reference] of debts) {
      await addDebt.getByLabel(/^Creditor/).fill(creditor);
      await addDebt.getByLabel(/^Kind of debt/).selectOption(type);
      await addDebt.getByLabel(/^Balance/).fill(balance);
      await addDebt.getByLabel(/^Account reference/).fill(reference);
      await addDebt.getByRole('button', { name: 'Add debt' }).click();
      await page.getByRole('table', { name: 'Debts' }).getByRole('cell', { name: creditor, exact: true }).waitFor();
    }
    // The list masks the account reference.
    await page.getByRole('cell', { name: '****7781' }).waitFor();
    await checkScreen(page, 'case-debts');

    // A budget: £2,000 a month in, rent £800 a month and food £100 a week out.
    await page.getByRole('tab', { name: 'Budget' }).click();
    const lines = [
      ['income', 'Income', 'wages', '2000', 'monthly'],
      ['fixed costs', 'Fixed costs', 'rent', '800', 'monthly'],
      ['flexible costs', 'Flexible costs', 'food_and_housekeeping', '100', 'weekly'],
    ];
    for (const [section, label, category, amount, frequency] of lines) {
      await page.getByRole('button', { name: `Add to ${section}` }).click();
      await page.getByLabel(`${label} item 1 category`).selectOption(category);
      await page.getByLabel(`${label} item 1 amount`).fill(amount);
      await page.getByLabel(`${label} item 1 frequency`).selectOption(frequency);
    }
    await page.getByLabel('Flexible costs item 1 monthly').getByText('£433.33').waitFor();
    await page.getByLabel('Monthly totals as entered').getByText('£766.67 a month').waitFor();
    await page.getByRole('button', { name: 'Save budget' }).click();
    await page.getByText(/^Version 1 \(Initial\)/).waitFor();
    await checkScreen(page, 'case-budget');

    // Offers from the surplus, saved and applied to the debts.
    await page.getByRole('tab', { name: 'Offers' }).click();
    const proposal = page.getByRole('table', { name: 'Proposed offers' });
    await proposal.waitFor();
    assert.match((await proposal.locator('tfoot').textContent()) ?? '', /£766\.67/);
    await page.getByRole('button', { name: 'Save these offers' }).click();
    await page.getByRole('button', { name: 'Apply offered payments to the debts' }).click();
    await page.getByText(/^Applied /).waitFor();
    await checkScreen(page, 'case-offers');

    // The screening: a surplus over £75 a month rules out a Debt Relief Order.
    await page.getByRole('tab', { name: 'Solutions' }).click();
    const dro = page.getByRole('region', { name: 'Debt Relief Order' });
    await dro.getByText('Ruled out', { exact: true }).waitFor();
    await dro.getByText(/surplus/i).first().waitFor();
    await checkScreen(page, 'case-solutions');

    // A next review date, which the checklist asks for.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const details = page.getByRole('form', { name: 'Case details' });
    await details.getByLabel('Next review date').fill(londonDate(60));
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'detached' });

    // A note of the advice given, the evidence for the checklist's ticks.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Add a note' }).click();
    const addNote = page.getByRole('form', { name: 'Add a note' });
    await addNote.getByLabel(/^Type/).selectOption('meeting');
    await addNote.getByLabel(/^Note/).fill('Met Eve: identity seen, budget and options explained, advice letter sent.');
    await addNote.getByRole('button', { name: 'Add note' }).click();
    await addNote.waitFor({ state: 'detached' });
    await page.getByRole('article').getByText(/^Met Eve: identity seen/).waitFor();
    await checkScreen(page, 'case-notes');

    // Every item the adviser vouches for, ticked with that note; the derived ones follow the case.
    await page.getByRole('tab', { name: 'Compliance' }).click();
    const checklist = page.getByRole('list', { name: 'Checklist' });
    await checklist.waitFor();
    const tickable = checklist.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Tick' }) });
    const names = await tickable.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    assert.ok(names.length > 0);
    for (const name of names) {
      const item = checklist.getByRole('listitem', { name, exact: true });
      await item.getByLabel('Evidence note').selectOption({ index: 1 });
      await item.getByRole('button', { name: 'Tick' }).click();
      await item.getByRole('button', { name: 'Remove tick' }).or(item.getByRole('alert')).waitFor();
      assert.equal(await item.getByRole('alert').count(), 0, `ticking ${name}: ${await item.textContent()}`);
    }
    await page.getByText('Compliant', { exact: true }).waitFor();
    await checkScreen(page, 'case-compliance');

    // A task due today, which then shows in My tasks.
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: 'Add a task' }).click();
    const addTask = page.getByRole('form', { name: 'Add a task' });
    await addTask.getByLabel(/^Task/).fill('Post the offer letters');
    await addTask.getByLabel(/^Due/).fill(londonDate(0));
    await addTask.getByRole('button', { name: 'Add task' }).click();
    await addTask.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Tasks' }).getByText('Post the offer letters').waitFor();
    // A second task is changed, cancelled, reopened and completed.
    await page.getByRole('button', { name: 'Add a task' }).click();
    await addTask.getByLabel(/^Task/).fill('Ring the client back');
    await addTask.getByLabel(/^Due/).fill(londonDate(1));
    await addTask.getByRole('button', { name: 'Add task' }).click();
    await addTask.waitFor({ state: 'detached' });
    const tasks = page.getByRole('table', { name: 'Tasks' });
    await tasks.getByRole('button', { name: 'Edit “Ring the client back”' }).click();
    const editTask = page.getByRole('form', { name: 'Edit the task' });
    await editTask.getByLabel(/^Due/).fill(londonDate(2));
    await editTask.getByLabel('Priority').selectOption('urgent');
    await editTask.getByRole('button', { name: 'Save the task' }).click();
    await editTask.waitFor({ state: 'detached' });
    await tasks.getByText('Urgent', { exact: true }).waitFor();
    await tasks.getByRole('button', { name: 'Cancel “Ring the client back”' }).click();
    await tasks.getByRole('button', { name: 'Reopen “Ring the client back”' }).click();
    await tasks.getByRole('button', { name: 'Complete “Ring the client back”' }).click();
    await tasks.getByRole('button', { name: 'Reopen “Ring the client back”' }).waitFor();
    await tasks.getByText('Done', { exact: true }).waitFor();
    await checkScreen(page, 'case-tasks');
    await page.getByRole('tab', { name: 'Appointments' }).click();
    await page.getByText('No appointments for this case.').waitFor();
    await checkScreen(page, 'case-appointments');

    // Work starts, then the case closes with its outcome and reason: the checklist is complete.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('region', { name: 'Figures' }).getByText('£6,240.00').waitFor();
    await page.getByRole('button', { name: 'Start work' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start work' }).click();
    await page.getByRole('button', { name: 'Close case' }).click();
    const closing = page.getByRole('dialog');
    await closing.getByLabel(/^Outcome/).fill('Offers sent to the non-priority creditors.');
    await closing.getByLabel(/^Reason for closing/).fill('Advice complete.');
    await closing.getByRole('button', { name: 'Close case' }).click();
    await page.getByText('Only a manager can reopen this case.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
    await page.getByRole('region', { name: /^Due today/ }).getByText('Post the offer letters').waitFor();
    await checkScreen(page, 'my-tasks');

    // An appointment next week; a second one overlapping it is refused, naming the clash. Evening
    // times: the demo diary's appointments are between 09:00 and 17:00.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
    const day = londonDate(7);
    for (const [start, booked] of [['18:00', true], ['18:30', false]]) {
      await page.getByRole('button', { name: 'Book an appointment' }).click();
      const book = page.getByRole('form', { name: 'Book an appointment' });
      await book.getByLabel(/^Find the client/).fill('Tester');
      await book.getByRole('radio', { name: /^Eve Tester/ }).check();
      await book.getByLabel(/^Starts/).fill(`${day}T${start}`);
      await book.getByRole('button', { name: 'Book', exact: true }).click();
      if (booked) {
        await book.waitFor({ state: 'detached' });
      } else {
        const refusal = book.getByRole('alert');
        await refusal.waitFor();
        assert.match((await refusal.textContent()) ?? '', /18:00/);
        await page.keyboard.press('Escape');
      }
    }
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByText('18:00–19:00').waitFor();
    await checkScreen(page, 'diary');

    // The appointment moves to the early morning, then has its outcome recorded with a follow-up date.
    await page.getByRole('button', { name: /^Change 18:00–19:00/ }).click();
    const change = page.getByRole('form', { name: 'Change the appointment' });
    await change.getByLabel(/^Starts/).fill(`${day}T08:00`);
    await change.getByRole('button', { name: 'Save the appointment' }).click();
    await page.getByText('08:00–09:00').or(change.getByRole('alert')).first().waitFor();
    assert.equal(await change.getByRole('alert').count(), 0, 'the move was refused');
    await change.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Record the outcome of 08:00–09:00/ }).click();
    const outcome = page.getByRole('form', { name: 'Record the outcome' });
    await outcome.getByRole('radio', { name: 'The appointment took place' }).check();
    await outcome.getByLabel(/^Outcome/).fill('Budget checked; offers explained.');
    await outcome.getByLabel(/^Follow up on/).fill(londonDate(21));
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.waitFor({ state: 'detached' });
    await page.getByText('Budget checked; offers explained.').waitFor();
    await page.getByRole('button', { name: /^Correct the outcome of 08:00–09:00/ }).waitFor();
    await page.locator('label', { hasText: /^Day$/ }).click();
    await page.getByRole('button', { name: 'Next day' }).waitFor();
    await checkScreen(page, 'diary-day');

    // The calendar link: shown once, readable without signing in, dead once turned off.
    await page.getByRole('button', { name: 'Get a calendar link' }).click();
    const feedUrl = await page.getByRole('textbox', { name: 'Calendar link' }).inputValue();
    assert.match(feedUrl, /^http:\/\/127\.0\.0\.1:\d+\/ical\/.+\.ics$/);
    const feed = await fetch(feedUrl);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /BEGIN:VCALENDAR/);
    await page.getByRole('button', { name: 'Turn the link off' }).click();
    await page.getByRole('button', { name: 'Get a calendar link' }).waitFor();
    assert.equal((await fetch(feedUrl)).status, 404);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByText('Debt under advice').waitFor();
    await checkScreen(page, 'dashboard');

    // The header's search finds the client, with the matched word marked.
    await page.getByRole('textbox', { name: 'Search clients, cases and notes' }).fill('Tester');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' });
    await results.getByRole('link', { name: /^Eve Tester/ }).first().waitFor();
    assert.equal(await results.locator('mark', { hasText: 'Tester' }).count() > 0, true);
    await checkScreen(page, 'search');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('table', { name: 'Cases' }).waitFor();
    await checkScreen(page, 'cases');
    assert.deepEqual(problems, []);
    await context.close();

    // Another centre's adviser, given the address, finds nothing there.
    const other = await browser.newContext();
    const otherPage = await newWatchedPage(other, problems);
    await signIn(otherPage, server.url, server.login('advisor.lds@example.org'));
    await otherPage.goto(caseUrl);
    await otherPage.getByRole('heading', { name: 'Case not found' }).waitFor();
    await checkScreen(otherPage, 'case-not-found');
    assert.deepEqual(problems, []);
    await other.close();
  });

  test('an adviser uploads a PDF to a case, finds it listed, opens it and reads its extracted text', { timeout: 240_000 }, async () => {
    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    await signIn(page, server.url, server.login('advisor.man@example.org'));

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('button', { name: 'New client' }).click();
    const newClient = page.getByRole('form', { name: 'Create client' });
    await newClient.getByLabel(/^First name/).fill('Dora');
    await newClient.getByLabel(/^Last name/).fill('Documents');
    await newClient.getByLabel(/^Postcode/).fill('m1 1aa');
    await newClient.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Dora Documents' }).waitFor();
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByRole('form', { name: 'Open a case' }).getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('heading', { name: /^Case MAN-\d{4}-\d{5,}$/ }).waitFor();

    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.waitForURL(/tab=documents/);
    await page.getByText('No documents on this case yet.').waitFor();
    await page.getByRole('button', { name: 'Upload a document' }).click();
    const upload = page.getByRole('form', { name: 'Upload a document' });
    const sentence = 'Council tax arrears of 1240 pounds are owed to Manchester City Council.';
    await upload.getByLabel(/^File/).setInputFiles({ name: 'council-letter.pdf', mimeType: 'application/pdf', buffer: tinyPdf(sentence) });
    await upload.getByLabel(/^Kind of document/).selectOption('creditor_letter');
    await upload.getByLabel('Name to show').fill('Council tax letter');
    await upload.getByRole('button', { name: 'Upload' }).click();

    const table = page.getByRole('table', { name: 'Documents' });
    const link = table.getByRole('link', { name: 'Council tax letter' });
    await link.waitFor();
    await table.getByRole('row', { name: /Council tax letter/ }).getByRole('cell', { name: 'Creditor letter' }).waitFor();
    await checkScreen(page, 'case-documents');

    await link.click();
    await page.getByRole('heading', { name: 'Council tax letter', level: 1 }).waitFor();
    await page.getByText('application/pdf').first().waitFor();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('cell', { name: /council-letter\.pdf/ }).waitFor();
    await versions.getByRole('button', { name: 'Download version 1' }).waitFor();
    // The PDF is previewed in the page, in a frame of the bytes the API returned (a CSP that
    // refused the frame would be one of `problems`).
    const preview = page.getByTitle('PDF preview: Version 1 of Council tax letter');
    await preview.waitFor();
    assert.match(await preview.getAttribute('src'), /^blob:/);
    await checkScreen(page, 'document');

    // The server extracts the text in the background; the page reads the document again until
    // extraction is done, so the sentence appears without a reload.
    await page.getByLabel('Text of the document').getByText(sentence).waitFor({ timeout: 150_000 });
    await checkScreen(page, 'document-text');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
