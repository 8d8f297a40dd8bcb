/** English for ../vi/outbox.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/outbox';

const en: Messages<typeof vi> = {
	'outbox.waiting': 'Waiting to send: {parts}',
	'outbox.changes': '{n} {n|change|changes}',
	'outbox.photos': '{n} {n|photo|photos}',
	'outbox.positions': '{n} {n|position|positions}',
	'outbox.offline': '— offline; this device sends them when it is back online',
	'outbox.allSent': 'All sent',
	'outbox.syncedAt': 'synced at {time}',
	'outbox.neverSynced': 'not synced yet',
	'outbox.offlineReady': 'Works offline',
	'outbox.uploading': 'Sending photo: {percent}%',
	'outbox.held': 'Not sent yet: {why}',
	'outbox.otherAccount':
		'Another account is signed in on this device: the waiting changes are kept for the account that made them.',
	'outbox.refused': 'The server refused a change: {why}',
	'outbox.dismiss': 'Got it',
	'outbox.photosRefused':
		'{n} {n|photo needs|photos need} to be taken or chosen again: the server did not accept {n|it|them} (the other photos are still sent).',
	'outbox.unavailable':
		'This browser does not allow saving data on the device: if the connection drops, unsent changes are lost.',
	'outbox.notPersisted':
		'This browser has not promised to keep data on the device when storage runs low. Do not clear browsing data while changes are waiting to be sent.',
	'outbox.unsent.title': '{n} unsent {n|change|changes}',
	'outbox.unsent.text':
		'This device has not sent these changes to the server yet (offline, or still sending). If you sign out, they are sent only when this same account signs in again on this device.',
	'outbox.unsent.stay': 'Stay until they are sent',
	'outbox.unsent.logout': 'Sign out anyway'
};

export default en;
