// Regenerates data.json deterministically (no random source): node make-data.mjs > data.json
const statuses = ['TODO', 'IN_PROGRESS', 'DONE'];
const priorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
const roles = ['OWNER', 'MEMBER', 'MEMBER', 'GUEST'];
const colors = ['#d73a4a', '#0075ca', '#cfd3d7', '#a2eeef', '#7057ff'];
const emojis = ['+1', 'heart', 'rocket', 'eyes'];
const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().replace('.000Z', 'Z');

const users = Array.from({ length: 12 }, (_, i) => ({
  id: `u${i + 1}`,
  name: `User ${i + 1}`,
  email: `user${i + 1}@example.com`,
  avatarUrl: i % 3 === 0 ? null : `https://avatars.example.com/u${i + 1}.png`,
  role: roles[i % roles.length],
}));
const projects = Array.from({ length: 5 }, (_, p) => ({
  id: `p${p + 1}`,
  name: `Project ${p + 1}`,
  description: p % 2 === 0 ? `Everything about project ${p + 1}.` : null,
  archived: p === 4,
  createdAt: day(p),
  ownerId: users[p % users.length].id,
  tasks: Array.from({ length: 10 }, (_, t) => {
    const n = p * 10 + t;
    return {
      id: `t${n + 1}`,
      title: `Task ${n + 1}: do the thing number ${n + 1}`,
      description: n % 4 === 0 ? null : `Details of task ${n + 1}, with enough text to be realistic for a board.`,
      status: statuses[n % statuses.length],
      priority: priorities[n % priorities.length],
      estimate: n % 5 === 0 ? null : (n % 8) + 0.5,
      dueAt: n % 3 === 0 ? null : day(30 + n),
      createdAt: day(n % 28),
      assigneeId: n % 5 === 4 ? null : users[n % users.length].id,
      reporterId: users[(n + 3) % users.length].id,
      labels: Array.from({ length: n % 4 }, (_, l) => ({ id: `l${l + 1}`, name: `label-${l + 1}`, color: colors[l] })),
      comments: Array.from({ length: 3 }, (_, c) => ({
        id: `c${n + 1}-${c + 1}`,
        body: `Comment ${c + 1} on task ${n + 1}.`,
        createdAt: day(n % 28 + c + 1),
        authorId: users[(n + c) % users.length].id,
        reactions: Array.from({ length: (n + c) % 3 }, (_, r) => ({ emoji: emojis[r], count: r + 1 })),
      })),
      watcherIds: Array.from({ length: 2 + (n % 2) }, (_, w) => users[(n + w + 5) % users.length].id),
    };
  }),
}));
const workspaces = [{ id: 'w1', name: 'Acme', slug: 'acme', createdAt: day(0), memberIds: users.map((u) => u.id), projects }];
process.stdout.write(JSON.stringify({ viewerId: 'u1', users, workspaces }, null, 1) + '\n');
