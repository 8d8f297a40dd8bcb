/** English for ../vi/ops.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/ops';

const en: Messages<typeof vi> = {
	'ops.title': 'Operations · Khai Mạc',
	'ops.theme': 'Theme: “{theme}”',
	'ops.noScenario': 'No scenario yet',
	'ops.noScenarioHint': 'An administrator needs to import the scenario file (Admin → Scenario).',
	'ops.notice.heading': 'Post a notice',
	'ops.notice.submit': 'Post notice',
	'ops.notice.body': 'Message',
	'ops.notice.placeholder': 'E.g. All loudspeaker trucks gather by 6:30 at…',
	'ops.notice.urgent': 'Urgent',
	'ops.notice.to': 'Send to',
	'ops.notice.toAll': 'All units',
	'ops.notice.toSome': 'Selected units',
	'ops.notices.sent': 'Notices sent',
	'ops.links.title': 'Wall display links',
	'ops.links.about':
		'Open a link on a projector or TV: the screen is view-only, needs no sign-in and does not expire. Revoke a link once it is no longer used.',
	'ops.links.create': 'Create link',
	'ops.links.unit': 'Screen for',
	'ops.links.unitWhole': 'The whole event',
	'ops.links.unitLevel': 'All of {level}',
	'ops.links.showsUnit': 'Shows {unit} only',
	'ops.links.name': 'Screen name',
	'ops.links.namePlaceholder': 'Operations room',
	'ops.links.none': 'No links yet.',
	'ops.links.nameColumn': 'Name',
	'ops.links.link': 'Link',
	'ops.links.created': 'Created',
	'ops.links.revoked': 'Revoked {time}',
	'ops.links.linkOf': 'Link for {name}',
	'ops.links.revoke': 'Revoke',
	'ops.links.revokeConfirm': 'Revoke the link "{name}"? Screens showing it go blank at once.',
	'ops.layout.title': 'Layout',
	'ops.layout.apply': 'Apply now',
	'ops.layout.panel': 'Panel',
	'ops.layout.panels': 'Panels in turn',
	'ops.layout.seconds': 'Each panel (seconds)',
	'ops.layout.theme': 'Theme'
};

export default en;
