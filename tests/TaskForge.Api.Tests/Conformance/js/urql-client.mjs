// Usage: node urql-client.mjs <http-url>
// Drives TaskForge's /graphql with urql's core client (@urql/core 6, the client of urql 5) as a web app would:
// signs up, creates a workspace, a project and a task, then reads the board and `me`. Prints one JSON object:
// {"steps": {<name>: {data, error}}, "requests": [{operation, status, contentType, accept}], "abortedStreams": n}.
// Every step runs network-only; the board query carries X-Min-Event-Id (the createTask eventId) to read its own write.
import { Client, fetchExchange, gql } from '@urql/core';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node urql-client.mjs <http-url>');
  process.exit(2);
}

const requests = [];
// urql sends its default Accept (application/graphql-response+json, ..., text/event-stream, multipart/mixed) and
// TaskForge's engine answers any request accepting text/event-stream with graphql-sse. urql reads the event stream's
// `next`, then aborts the fetch when the one-shot operation ends, and under Node (not in browsers) that abort surfaces
// as an unhandled AbortError. Those are counted (and reported), anything else fails the script.
let abortedStreams = 0;
process.on('unhandledRejection', (e) => {
  if (e?.name === 'AbortError') {
    abortedStreams++;
    return;
  }
  console.error('unhandled rejection', e, JSON.stringify(requests));
  process.exit(1);
});
const recordingFetch = async (input, init = {}) => {
  const response = await fetch(input, init);
  const body = init.body ? JSON.parse(init.body) : {};
  requests.push({ operation: body.operationName ?? null, status: response.status, contentType: response.headers.get('content-type'), accept: new Headers(init.headers).get('accept') });
  return response;
};

let accessToken = null;
const client = new Client({
  url,
  exchanges: [fetchExchange],
  fetch: recordingFetch,
  requestPolicy: 'network-only',
  preferGetMethod: false,
  fetchOptions: () => (accessToken ? { headers: { authorization: `Bearer ${accessToken}` } } : {}),
});

const steps = {};
const run = async (name, promise) => {
  const result = await promise;
  steps[name] = { data: result.data ?? null, error: result.error ? { message: result.error.message, graphQLErrors: result.error.graphQLErrors.map((e) => ({ message: e.message, code: e.extensions?.code ?? null })) } : null };
  if (result.error) {
    process.stdout.write(JSON.stringify({ steps, requests, failedAt: name }) + '\n');
    process.exit(0);
  }
  return result.data;
};

const email = `urql-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
const registered = await run('register', client.mutation(gql`
  mutation Register($input: RegisterInput!) {
    register(input: $input) { accessToken refreshToken user { id email name } errors { code message } }
  }`, { input: { email, password: 'correct horse battery staple', name: 'Urql User' } }).toPromise());
accessToken = registered.register.accessToken;

const workspace = await run('createWorkspace', client.mutation(gql`
  mutation CreateWorkspace($name: String!) {
    createWorkspace(input: { name: $name }) { workspace { id name } eventId errors { code message } }
  }`, { name: 'Urql workspace' }).toPromise());

const project = await run('createProject', client.mutation(gql`
  mutation CreateProject($ws: ID!, $name: String!) {
    createProject(input: { workspaceId: $ws, name: $name }) { project { id name } eventId errors { code message } }
  }`, { ws: workspace.createWorkspace.workspace.id, name: 'Urql project' }).toPromise());

const task = await run('createTask', client.mutation(gql`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) { task { id title } eventId errors { code message } }
  }`, { input: { projectId: project.createProject.project.id, title: 'Written by urql' } }).toPromise());

await run('board', client.query(gql`
  query Board($id: ID!) {
    project(id: $id) { id name board { columns { name tasks { nodes { id title } } } } }
  }`, { id: project.createProject.project.id }, {
  fetchOptions: { headers: { authorization: `Bearer ${accessToken}`, 'x-min-event-id': task.createTask.eventId } },
}).toPromise());

await run('me', client.query(gql`query Me { me { id email name } }`, {}).toPromise());

process.stdout.write(JSON.stringify({ steps, requests, email, abortedStreams }) + '\n');
