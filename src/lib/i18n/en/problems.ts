/** English for ../vi/problems.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/problems';

const en: Messages<typeof vi> = {
	'problems.forbidden': 'You are not allowed to do this.',
	'problems.commandId': 'The command id must be a UUID',
	'problems.tooFast': 'Sent too fast; try again in {seconds} {seconds|second|seconds}.',
	'problems.idReused': 'This command id was already used for another change. Reload the page and try again.',
	'problems.badCommand': 'The command is not in the right form.',
	'problems.unknownCommand': 'There is no command "{type}".',
	'problems.tooDeep': 'The data is nested too deeply.',
	'problems.invalid': 'Some fields are not valid; see each one.',
	'problems.internal': 'The server failed while saving. Nothing was saved; try again.',
	'problems.sessionEnded': 'Your session has ended. Sign in again.',
	'problems.forbiddenPage': 'You are not allowed to see this page.',
	'problems.unitId': 'Not a valid unit id',
	'problems.truckId': 'Not a valid truck id',
	'problems.tooLarge.title': 'Too large',
	'problems.tooLarge.form': 'What was sent is too large (64 KB at most). Reload the page and try again.',
	'problems.tooLarge.photoChunk': 'Send at most 2 MB of a photo at a time.',
	'problems.tooLarge.scenario': 'The file is over 5 MB: is it really a scenario file?',
	'problems.tooLarge.invitees': 'The guest list file is too large (5 MB at most).',
	'problems.tooLarge.report': 'The report is too large to send (2 MB at most). Shorten its narrative.',
	'problems.tooLarge.route': 'The route is too large to send (1 MB at most). Use fewer points.',
	'problems.notAForm': 'What the page sent is not a form. Reload the page and send the file again.',
	'problems.uploads.atOnce':
		'This account is sending many files at once; the server takes more in {seconds} {seconds|second|seconds}.',
	'problems.uploads.imports':
		'This account has just imported many files; the server takes more in {seconds} {seconds|second|seconds}.',
	'problems.uploads.files':
		'This account has just sent many files; the server takes more in {seconds} {seconds|second|seconds}.'
};

export default en;
