// The chat page: choose an organisation and a person, then talk to the bot as that person would in LINE.
import { refreshRichMenu } from './rich-menu.js';
import { runAction } from './actions.js';
import { getJson, postJson } from './api.js';
import { $, h } from './dom.js';
import {
  sendEvents,
  sendFollow,
  sendImage,
  sendLocation,
  sendText,
  sendUnfollow,
  session,
} from './session.js';
import { poll, resetTimeline, setNames } from './timeline.js';

const saved = JSON.parse(localStorage.getItem('line-platform-chat') ?? '{}');
let users = [];
let groups = [];

const ui = {
  runAction: (action) => runAction(action, ui),
  openLocation: () => $('#location-dialog').showModal(),
  openFilePicker: () => $('#file').click(),
  showError(text) {
    $('#error').hidden = !text;
    $('#error').textContent = text;
  },
  notice(text) {
    $('#notice').textContent = text;
    setTimeout(() => {
      if ($('#notice').textContent === text) $('#notice').textContent = '';
    }, 3000);
  },
};
session.onError = ui.showError;
session.onSent = () => poll(ui);

const option = (value, label, selected) => h('option', { value, selected: value === selected }, label);

function fillUsers(select, list, selected) {
  select.replaceChildren(...list.map((user) => option(user.userId, user.displayName, selected)));
}

function currentGroup() {
  return groups.find((group) => group.groupId === $('#group').value.trim());
}

function fillMembers() {
  const group = currentGroup();
  const members = group ? users.filter((user) => group.memberIds.includes(user.userId)) : users;
  fillUsers($('#member'), members, saved.member);
}

// Rebuilds session.source from the form and starts the matching conversation.
function applyIdentity() {
  const staff = $('#identity-kind').value === 'staff';
  $('#resident-fields').hidden = staff;
  $('#staff-fields').hidden = !staff;
  $('#follow').textContent = staff ? 'เชิญบอตเข้ากลุ่ม' : 'เพิ่มเพื่อน';
  $('#unfollow').textContent = staff ? 'นำบอตออกจากกลุ่ม' : 'บล็อก';
  session.channel = $('#channel').value;
  const groupId = $('#group').value.trim();
  session.source = staff
    ? { type: 'group', groupId, userId: $('#member').value }
    : { type: 'user', userId: $('#resident').value };
  if (staff && !/^C[0-9a-f]{32}$/.test(groupId)) session.source = null;
  Object.assign(saved, {
    channel: session.channel,
    kind: $('#identity-kind').value,
    resident: $('#resident').value,
    group: groupId,
    member: $('#member').value,
  });
  localStorage.setItem('line-platform-chat', JSON.stringify(saved));
  ui.showError(session.source ? '' : 'รหัสกลุ่มต้องเป็น C ตามด้วยเลขฐานสิบหก 32 หลัก');
  resetTimeline();
  poll(ui);
  refreshRichMenu(ui);
}

async function loadChannel() {
  groups = await getJson(`/_platform/groups?channel=${encodeURIComponent($('#channel').value)}`);
  $('#group-list').replaceChildren(...groups.map((group) => option(group.groupId, group.groupName)));
  if (!groups.some((group) => group.groupId === $('#group').value))
    $('#group').value = groups[0]?.groupId ?? '';
  fillMembers();
  applyIdentity();
}

async function addResident() {
  const displayName = $('#new-name').value.trim();
  if (!displayName) return;
  const { status, data } = await postJson('/_platform/users', { displayName });
  if (status !== 200) return ui.showError(data.message ?? 'เพิ่มผู้ใช้ไม่สำเร็จ');
  users = [...users.filter((user) => user.userId !== data.userId), data];
  setNames(users);
  fillUsers($('#resident'), users, data.userId);
  $('#new-name').value = '';
  applyIdentity();
}

function bindComposer() {
  $('#composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('#text').value.trim();
    if (!text) return;
    $('#text').value = '';
    sendText(text);
  });
  $('#attach').addEventListener('click', ui.openFilePicker);
  $('#file').addEventListener('change', () => {
    const file = $('#file').files?.[0];
    $('#file').value = '';
    if (file) sendImage(file);
  });
  $('#location-button').addEventListener('click', ui.openLocation);
  $('#location-dialog').addEventListener('close', () => {
    if ($('#location-dialog').returnValue !== 'send') return;
    const latitude = Number($('#latitude').value);
    const longitude = Number($('#longitude').value);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return ui.showError('ละติจูด/ลองจิจูดไม่ถูกต้อง');
    sendLocation({
      title: $('#place').value.trim(),
      address: $('#address').value.trim(),
      latitude,
      longitude,
    });
  });
  // In a group LINE sends join/leave (no user) where a 1:1 chat sends follow/unfollow.
  const groupEvent = (type) =>
    sendEvents([{ type, source: { type: 'group', groupId: session.source.groupId } }]);
  $('#follow').addEventListener('click', () =>
    session.source?.type === 'group' ? groupEvent('join') : sendFollow(),
  );
  $('#unfollow').addEventListener('click', () =>
    session.source?.type === 'group' ? groupEvent('leave') : sendUnfollow(),
  );
}

async function start() {
  const channels = await getJson('/_platform/channels');
  users = await getJson('/_platform/users');
  setNames(users);
  $('#channel').replaceChildren(
    ...channels.map((channel) => option(channel.slug, channel.name, saved.channel)),
  );
  fillUsers($('#resident'), users, saved.resident);
  $('#identity-kind').value = saved.kind === 'staff' ? 'staff' : 'resident';
  $('#group').value = saved.group ?? '';
  $('#channel').addEventListener('change', loadChannel);
  for (const id of ['#identity-kind', '#resident', '#member'])
    $(id).addEventListener('change', applyIdentity);
  $('#group').addEventListener('change', () => {
    fillMembers();
    applyIdentity();
  });
  $('#add-resident').addEventListener('click', addResident);
  bindComposer();
  await loadChannel();
  setInterval(() => poll(ui), 1000);
  // A registration or a removal changes the menu a person sees.
  setInterval(() => refreshRichMenu(ui), 3000);
}

start().catch((error) => ui.showError(`เริ่มหน้าแชตไม่สำเร็จ: ${error.message}`));
