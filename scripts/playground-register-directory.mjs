// Registers a directory through the bot's Register dialog from the Microsoft 365 Agents Playground, whose UI cannot
// open Teams dialogs (task modules). It sends what Teams would: a task/fetch invoke when "Register a directory" is
// pressed, then a task/submit with the form's inputs and the Save button's data, as the Playground's current user.
// The bot's replies (the result and the refreshed directories card) appear in the Playground's chat.
//
// usage (Node 22+, or Node 20 with --experimental-websocket), the Playground running on PLAYGROUND_URL
// (default http://localhost:56150):
//   node scripts/playground-register-directory.mjs NAME TENANT_ID CLIENT_ID CLIENT_SECRET
// Meant for the demo tour (docs/tour.md): the secret is a command-line argument, visible to this machine's users.

const [name, tenantId, clientId, secret] = process.argv.slice(2);
const BASE = process.env.PLAYGROUND_URL || 'http://localhost:56150';

if (!secret) {
  console.error('usage: node scripts/playground-register-directory.mjs NAME TENANT_ID CLIENT_ID CLIENT_SECRET');
  process.exit(2);
}
if (typeof WebSocket === 'undefined') {
  console.error('This script needs Node 22+, or Node 20 started with --experimental-websocket.');
  process.exit(2);
}

const { config } = await (await fetch(`${BASE}/_internal/v1/config`)).json();
const answers = new Map();
// The answer to a pushed invoke reaches only the Playground's log stream.
const log = new WebSocket(`${BASE.replace(/^http/, 'ws')}/_ws/log/stream`);
log.addEventListener('message', event => {
  const entry = JSON.parse(event.data).log;
  if (entry?.messageId && entry.response) {
    answers.set(entry.messageId, entry.response);
  }
});
await new Promise((resolve, reject) => {
  log.addEventListener('open', resolve);
  log.addEventListener('error', () => reject(new Error(`No Playground at ${BASE}`)));
});

async function invoke(type, data) {
  const id = `${type}-${Date.now()}`;
  await fetch(`${BASE}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke', name: type, id, channelId: 'msteams', serviceUrl: `${BASE}/_connector`,
      from: { id: config.currentUser.id, name: config.currentUser.name, aadObjectId: config.currentUser.aadObjectId },
      recipient: { id: config.bot.id, name: config.bot.name },
      conversation: { id: config.personalChat.id, conversationType: 'personal', tenantId: config.tenantId },
      channelData: { tenant: { id: config.tenantId } },
      value: { type, data },
    }),
  });
  // A registration checks the connection for real: Teams itself gives the bot 5 seconds.
  for (let waited = 0; waited < 15000 && !answers.has(id); waited += 250) {
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  if (!answers.has(id)) {
    throw new Error(`The bot did not answer ${type}: is it running, and is the Playground pointed at it?`);
  }
  return answers.get(id);
}

/** The card of an answer that keeps a dialog open; undefined when the dialog closed. */
function dialogCard(answer) {
  return (answer.body ?? answer)?.task?.value?.card?.content;
}

function texts(card) {
  const found = [];
  const walk = node => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'TextBlock' && node.color === 'attention') found.push(node.text);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

try {
  const form = dialogCard(await invoke('task/fetch', { verb: 'directories.register', msteams: { type: 'task/fetch' } }));
  const save = form?.actions?.find(action => action.data?.verb === 'directories.save');
  if (!save) {
    throw new Error('The bot did not open the Register dialog: is the Playground\'s current user an admin?');
  }
  const answer = await invoke('task/submit', { ...save.data, name, tenantId, clientId, secret, expiresOn: '' });
  const again = dialogCard(answer);
  if (again) {
    console.log('The bot kept the dialog open:');
    texts(again).forEach(text => console.log(` - ${text}`));
    process.exitCode = 1;
  } else {
    console.log('Saved: the result and the directories card are in the Playground chat.');
  }
} finally {
  log.close();
}
