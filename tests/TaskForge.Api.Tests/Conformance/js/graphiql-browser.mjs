// GraphiQL in a real browser (Debian's Chromium through playwright-core), as a new user meets it: the page loads from
// the API, GraphiQL fetches the schema, the user signs in with the login mutation (the header template still holds its
// placeholder), pastes the token into Headers, asks for `me`, then subscribes to a workspace's events (graphql-ws, the
// token from Headers) and sees a rename made elsewhere arrive live. Requests to any other origin are blocked and listed:
// the page must work with no internet. Prints one JSON line; exits 1 if a step failed (the line says which).
// Usage: node graphiql-browser.mjs <api base url> <email> <password>
// CHROMIUM_PATH overrides /usr/bin/chromium; GRAPHIQL_SCREENSHOT=<file.png> keeps a picture of a failure.
import { chromium } from 'playwright-core';

const [base, email, password] = process.argv.slice(2);
const origin = new URL(base).origin;
const report = {
  step: 'start', pageErrors: [], foreignRequests: [], requests: [], websockets: [], schemaLoaded: false, token: false, me: null,
  live: false, liveEvent: null, error: null,
};

// What a request carried, without the token itself.
const authorization = header => header === undefined ? null : header.includes('<paste') ? 'placeholder' : header.startsWith('Bearer ey') ? 'token' : 'other';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
try {
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  page.on('websocket', ws => report.websockets.push(new URL(ws.url()).pathname));
  await page.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.origin !== origin) {
      report.foreignRequests.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('response', r => {
    if (new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST') {
      const body = r.request().postData() ?? '';
      report.requests.push({
        status: r.status(),
        kind: body.includes('__schema') ? 'introspection' : body.includes('login') ? 'login' : 'query',
        authorization: authorization(r.request().headers()['authorization']),
      });
    }
  });

  report.step = 'load';
  await page.goto(new URL('/graphql', base).href, { waitUntil: 'networkidle' });
  await page.waitForSelector('.graphiql-container', { timeout: 30000 });

  report.step = 'schema';
  await page.getByRole('button', { name: /documentation explorer/i }).first().click();
  await page.getByText('Query', { exact: true }).first().waitFor({ timeout: 15000 });
  report.schemaLoaded = true;

  // Monaco closes brackets and quotes as keys are typed; inserted text is taken as written.
  const replace = async (editor, text) => {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };
  // The response pane wraps long strings over several lines: its text is read with all whitespace removed.
  const run = async (key) => {
    await page.locator('.graphiql-execute-button').first().click();
    const response = page.locator('.graphiql-response').first();
    await response.getByText(`"${key}"`).first().waitFor({ timeout: 15000 });
    return (await response.innerText()).replace(/\s+/g, '');
  };

  report.step = 'login';
  const query = page.locator('.graphiql-query-editor').first();
  await replace(query, `mutation { login(input: { email: "${email}", password: "${password}" }) { accessToken } }`);
  const login = await run('accessToken');
  const token = /"accessToken":"([^"]+)"/.exec(login)?.[1];
  if (!token) throw new Error(`no token in the login result: ${login.slice(0, 300)}`);
  report.token = true;

  report.step = 'me';
  await page.getByText('Headers', { exact: true }).first().click();
  await replace(page.locator('.graphiql-editor-tool .graphiql-editor').last(), `{ "Authorization": "Bearer ${token}" }`);
  await replace(query, '{ me { email } }');
  const me = await run('email');
  report.me = /"email":"([^"]+)"/.exec(me)?.[1] ?? null;

  report.step = 'subscription';
  const gql = async (text, variables) => (await (await fetch(new URL('/graphql', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  })).json()).data;
  const workspace = (await gql('mutation { createWorkspace(input: { name: "Live" }) { workspace { id } } }')).createWorkspace.workspace.id;
  await replace(query, `subscription { events(scopes: ["workspace:${workspace}"]) { kind event { type } } }`);
  // GraphiQL tells a subscription (sent over the WebSocket) from a query by the document it has parsed, a moment after
  // an edit: until then it posts it, and the API answers that subscriptions are not served over plain HTTP.
  const response = page.locator('.graphiql-response').first();
  for (let attempt = 0; !report.live && attempt < 10; attempt++) {
    await page.waitForTimeout(300);
    await page.locator('.graphiql-execute-button').first().click();
    await response.getByText(/"LIVE"|"BAD_REQUEST"/).first().waitFor({ timeout: 15000 });
    report.live = (await response.innerText()).includes('"LIVE"');
  }

  await gql('mutation($id: ID!) { renameWorkspace(input: { workspaceId: $id, name: "Live, renamed" }) { errors { code } } }', { id: workspace });
  await response.getByText('"WorkspaceRenamed"').first().waitFor({ timeout: 15000 });
  report.liveEvent = 'WorkspaceRenamed';
  report.step = 'done';
} catch (e) {
  report.error = String(e).split('\n')[0];
  if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}

console.log(JSON.stringify(report));
