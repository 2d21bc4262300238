// Works the bot's directory dialogs from the Microsoft 365 Agents Playground, whose UI cannot open Teams dialogs
// (task modules). It sends what Teams would, as the Playground's current user: a task/fetch invoke when a dialog
// button is pressed, then a task/submit with the form's inputs merged into the Save button's data. The bot's
// replies (the result and the refreshed directories card) appear in the Playground's chat.
//
// usage (Node 22+, or Node 20 with --experimental-websocket), the Playground running on PLAYGROUND_URL
// (default http://localhost:56150):
//   node scripts/playground-dialog.mjs register NAME TENANT_ID CLIENT_ID CLIENT_SECRET
//   node scripts/playground-dialog.mjs manage NAME [newSecret=SECRET] [name=NEW_NAME] [expiresOn=YYYY-MM-DD] [saveAnyway=true]
// "manage" finds the directory NAME on the directories card (it types `directories` in the chat for that), opens
// its Manage dialog and saves it with the given fields changed; newSecret rotates the client secret.
// Meant for the demo tour (the README's demo tour): secrets are command-line arguments, visible to this machine's users.

const USAGE = `usage:
  node scripts/playground-dialog.mjs register NAME TENANT_ID CLIENT_ID CLIENT_SECRET
  node scripts/playground-dialog.mjs manage NAME [newSecret=SECRET] [name=NEW_NAME] [expiresOn=YYYY-MM-DD] [saveAnyway=true]`;
const BASE = process.env.PLAYGROUND_URL || 'http://localhost:56150';
const [command, ...args] = process.argv.slice(2);

if (!(command === 'register' && args.length === 4) && !(command === 'manage' && args.length >= 1)) {
  console.error(USAGE);
  process.exit(2);
}
const MANAGE_FIELDS = ['newSecret', 'name', 'expiresOn', 'saveAnyway'];
const changes = {};
for (const arg of command === 'manage' ? args.slice(1) : []) {
  const field = arg.slice(0, arg.indexOf('='));
  if (!MANAGE_FIELDS.includes(field)) {
    console.error(`Not FIELD=VALUE with a field of the Manage dialog: ${arg}\n${USAGE}`);
    process.exit(2);
  }
  changes[field] = arg.slice(field.length + 1);
}
if (typeof WebSocket === 'undefined') {
  console.error('This script needs Node 22+, or Node 20 started with --experimental-websocket.');
  process.exit(2);
}

const { config } = await (await fetch(`${BASE}/_internal/v1/config`)).json();
const answers = new Map();
const botMessages = [];
// The answer to a pushed invoke reaches only the Playground's log stream; the bot's messages its conversation stream.
const log = await open('/_ws/log/stream', entry => {
  if (entry.log?.messageId && entry.log.response) {
    answers.set(entry.log.messageId, entry.log.response);
  }
});
const chat = await open('/_ws_conversation/v1/conversations/stream', entry => {
  if (entry.action === 'createMessage' && entry.message?.from?.id === config.bot.id) {
    botMessages.push(entry.message);
  }
});

function open(path, onEntry) {
  const socket = new WebSocket(`${BASE.replace(/^http/, 'ws')}${path}`);
  socket.addEventListener('message', event => onEntry(JSON.parse(event.data)));
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error(`No Playground at ${BASE}`)));
  });
}

async function waitFor(what, found) {
  // Saving checks the connection for real: Teams itself gives the bot 5 seconds.
  for (let waited = 0; waited < 15000; waited += 250) {
    const value = found();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`The bot did not answer ${what}: is it running, and is the Playground pointed at it?`);
}

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
  return waitFor(type, () => answers.get(id));
}

/** Types in the Playground's chat, as the current user; the first card the bot answers with. */
async function say(text) {
  const before = botMessages.length;
  await fetch(`${BASE}/_conversation/v1/conversations/${config.personalChat.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain' }),
  });
  return waitFor(`'${text}'`, () => botMessages.slice(before).find(message => message.attachments?.length)?.attachments[0].content);
}

/** The card of an answer that keeps a dialog open; undefined when the dialog closed. */
function dialogCard(answer) {
  return (answer.body ?? answer)?.task?.value?.card?.content;
}

function walk(node, visit) {
  if (Array.isArray(node)) node.forEach(child => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach(child => walk(child, visit));
  }
}

/** What Teams submits from a card: each input's current value, by id. */
function inputsOf(card) {
  const inputs = {};
  walk(card, node => {
    if (node.type?.startsWith('Input.') && node.id) inputs[node.id] = node.value ?? '';
  });
  return inputs;
}

function warnings(card) {
  const found = [];
  walk(card, node => {
    if (node.type === 'TextBlock' && node.color === 'attention') found.push(node.text);
  });
  return found;
}

function saveAction(card, verb) {
  return card?.actions?.find(action => action.data?.verb === verb);
}

async function submit(card, verb, fields) {
  const save = saveAction(card, verb);
  const answer = await invoke('task/submit', { ...inputsOf(card), ...fields, ...save.data });
  const again = dialogCard(answer);
  if (again) {
    console.log('The bot kept the dialog open:');
    warnings(again).forEach(text => console.log(` - ${text}`));
    process.exitCode = 1;
  } else {
    console.log('Saved: the result and the directories card are in the Playground chat.');
  }
}

try {
  if (command === 'register') {
    const [name, tenantId, clientId, secret] = args;
    const form = dialogCard(await invoke('task/fetch', { verb: 'directories.register', msteams: { type: 'task/fetch' } }));
    if (!saveAction(form, 'directories.save')) {
      throw new Error('The bot did not open the Register dialog: is the Playground\'s current user an admin?');
    }
    await submit(form, 'directories.save', { name, tenantId, clientId, secret, expiresOn: '' });
  } else {
    const name = args[0];
    let manage;
    walk(await say('directories'), node => {
      if (node.type === 'Container' && node.items?.[0]?.text === name) {
        walk(node.items, item => {
          if (item.data?.verb === 'directories.manage') manage = item.data;
        });
      }
    });
    if (!manage) {
      throw new Error(`No directory named '${name}' on the directories card: is the Playground's current user an admin?`);
    }
    const form = dialogCard(await invoke('task/fetch', manage));
    if (!saveAction(form, 'directories.update')) {
      throw new Error(`The bot did not open the Manage dialog of '${name}'.`);
    }
    await submit(form, 'directories.update', changes);
  }
} finally {
  log.close();
  chat.close();
}
