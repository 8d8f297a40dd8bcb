/** English for ../vi/ceremony.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/ceremony';

const en: Messages<typeof vi> = {
	'ceremony.title': 'Opening ceremony',
	'ceremony.group': 'Group',
	'ceremony.expected': 'Expected',
	'ceremony.people': '{count} {count|person|people}',
	'ceremony.startsIn': 'starts in {countdown}',
	'ceremony.started': 'under way',
	'ceremony.checkIn': 'Check in',

	'ceremony.gate.pageTitle': 'Ceremony gate',
	'ceremony.gate.inside': 'Checked in',
	'ceremony.gate.noCeremony': 'The scenario has no opening ceremony yet. The organizers need to set it up.',
	'ceremony.gate.notInvitation': 'This QR code is not an invitation to this ceremony.',
	'ceremony.gate.groupPicked': 'Group picked for the headcount.',
	'ceremony.gate.unknownCode': 'Code {code}',
	'ceremony.gate.insideAt': 'Checked in at {time} at {gate}.',
	'ceremony.gate.notOnDevice':
		'Not on this device yet (an old list?). Tap Check in and the server will check the code.',
	'ceremony.gate.skip': 'Skip',
	'ceremony.gate.scan': 'Scan an invitation',
	'ceremony.gate.headcount': 'Headcount by group',
	'ceremony.gate.recent': 'Just recorded at this gate',
	'ceremony.gate.noCheckins': 'No check-ins yet.',
	'ceremony.gate.undone': 'undone',
	'ceremony.gate.undo': 'Undo',
	'ceremony.gate.notices': 'Notices from the organizers',

	'ceremony.desk.checkedIn': '{name} checked in',
	'ceremony.desk.undone': 'Check-in undone: {label}',
	'ceremony.desk.notStored': 'Could not save on this device (browser storage is blocked). Try again.',
	'ceremony.desk.sending': 'Sending…',
	'ceremony.desk.queued': 'Saved on this device; it will be sent when the network is back.',

	'ceremony.search.label': 'Find a guest (accents optional)',
	'ceremony.search.placeholder': 'E.g. nguyen van a',
	'ceremony.search.none': 'No one named “{query}”. Type fewer letters, or count them in by group below.',
	'ceremony.search.inside': 'In at {time} · {gate}',
	'ceremony.search.waiting': 'Waiting to send',

	'ceremony.headcount.number': 'Number of people',
	'ceremony.headcount.placeholder': 'n',
	'ceremony.headcount.addN': '+n',
	'ceremony.headcount.pick': 'Pick a group to count people in.',

	'ceremony.scanner.start': 'Scan QR code',
	'ceremony.scanner.stop': 'Turn off camera',
	'ceremony.scanner.fromImage': 'Or pick a photo of the QR code',
	'ceremony.scanner.noCamera':
		'Could not open the camera. Allow this page to use the camera, or pick a photo of the QR code below.',
	'ceremony.scanner.noCode': 'No QR code found in the photo. Take it closer, sharp and well lit.',
	'ceremony.scanner.unreadable': 'Could not read this image.',

	'ceremony.ops.arrived': 'Arrived: {total} / {expected} expected ({percent}%)',
	'ceremony.ops.noCeremony': 'The scenario has no opening ceremony yet. Set it up below.',
	'ceremony.ops.byGroup': 'By group',
	'ceremony.ops.arrivedColumn': 'Arrived',
	'ceremony.ops.overTime': 'Arrivals over time',
	'ceremony.ops.missing': 'Guests not arrived yet ({count})',
	'ceremony.ops.noList': 'No guest list with names yet. Import a file below.',
	'ceremony.ops.all': 'All',
	'ceremony.ops.moreMissing': '… and {count} more.',
	'ceremony.ops.printInvitations': 'Print invitations with QR codes (A4)',
	'ceremony.ops.setup': 'Setup',
	'ceremony.ops.ofLevel': '{unit}’s opening ceremony',
	'ceremony.ops.ownCeremony': 'Your level’s ceremony',
	'ceremony.ops.levels': 'Ceremonies of the levels below',
	'ceremony.ops.levelColumn': 'Held by',
	'ceremony.ops.whenWhere': 'When, where',
	'ceremony.ops.ceremony': 'Ceremony',
	'ceremony.ops.save': 'Save',
	'ceremony.ops.name': 'Ceremony name',
	'ceremony.ops.place': 'Venue',
	'ceremony.ops.startsAt': 'Opening time',
	'ceremony.ops.groups': 'Invited groups and expected numbers',
	'ceremony.ops.groupName': 'Group name',
	'ceremony.ops.remove': 'Remove',
	'ceremony.ops.confirmRemove': 'Remove the group “{name}”?',
	'ceremony.ops.addGroup': 'Add group',
	'ceremony.ops.codePlaceholder': 'code, e.g. doan-thanh-nien',
	'ceremony.ops.code': 'Code',
	'ceremony.ops.shortName': 'Name',
	'ceremony.ops.importTitle': 'Import the guest list (.xlsx or .csv)',
	'ceremony.ops.importHeader': 'Row 1 is the header:',
	'ceremony.ops.importRest':
		'(its name or code), and if you have them: {title}, {unit}, {phone}. Every bad row is reported with its number; nothing is imported until the file is clean.',
	'ceremony.ops.importAgain':
		'Importing a list again updates the guests already on it (same name, unit and group) instead of adding them twice, and the QR codes on printed invitations keep working.',
	'ceremony.ops.import': 'Import list',
	'ceremony.ops.replace': 'Replace the current list',
	'ceremony.ops.append': 'Add to the list',

	'ceremony.import.forbidden': 'You are not allowed to import the guest list.',
	'ceremony.import.tooLarge': 'The file is too large (5 MB at most).',
	'ceremony.import.noFile': 'Choose a list file (.xlsx or .csv).',
	'ceremony.import.problems':
		'The file has {count} {count|problem|problems} to fix; no one was imported. Fix the file, then import all of it again.',
	'ceremony.import.row': 'Row {row}',
	'ceremony.import.rowColumn': 'Row {row}, column {column}',

	// also the header names the reader accepts (invitee-file.ts), so an English file can use them
	'ceremony.column.name': 'Name',
	'ceremony.column.title': 'Title',
	'ceremony.column.unit': 'Unit',
	'ceremony.column.group': 'Group',
	'ceremony.column.phone': 'Phone',

	'ceremony.file.tooMany':
		'The file has more than {max} guest rows; one import takes at most {max} people. No one was imported. Split it into several files and import them one by one.',
	'ceremony.file.broken': 'The .xlsx file is damaged or is not an Excel spreadsheet.',
	'ceremony.file.unzipsTooLarge':
		'The .xlsx file is too large once unzipped (over {mb} MB) to be a guest list. No one was imported. Save only the list sheet, or save it as CSV.',
	'ceremony.file.notText':
		'The file is neither UTF-8 text nor an .xlsx spreadsheet. Save it as .xlsx or UTF-8 CSV.',
	'ceremony.file.unreadable': 'Could not read the file. Save it as .xlsx or UTF-8 CSV.',
	'ceremony.file.missingColumn': 'The column “{column}” is missing from the header row (row 1).',
	'ceremony.file.unknownGroup': 'There is no group “{group}”. Use one of: {groups}.',
	'ceremony.file.noGroup': 'The group is missing.',
	'ceremony.file.empty': 'The file has no guest rows below the header row.',

	'ceremony.invitations.title': 'Invitations',
	'ceremony.invitations.print': 'Print (A4)',
	'ceremony.invitations.count': '{count} {count|invitation|invitations}',
	'ceremony.invitations.countOfGroup': '{count} {count|invitation|invitations} for one group',
	'ceremony.invitations.perPage': '8 per page',
	'ceremony.invitations.byGroup': 'By group:',
	'ceremony.invitations.all': 'all',
	'ceremony.invitations.invite': 'We cordially invite',
	'ceremony.invitations.group': 'Group: {group}',
	'ceremony.invitations.code': 'Code: {code}',
	'ceremony.invitations.groupCodes': 'Headcount QR codes by group (for the gates)',
	'ceremony.invitations.groupHelp':
		'Scan to pick the group, then tap +1, +5… as it comes in · expected {expected}',
	'ceremony.invitations.noCeremony': 'The opening ceremony is not set up yet.',

	'ceremony.panel.ofExpected': '/ {expected} {expected|person|people}',
	'ceremony.panel.moreGroups': '+{count} more {count|group|groups}',

	'ceremony.curve.label': 'Arrivals over time',
	'ceremony.curve.expected': 'expected {expected}',

	'ceremony.field.name': 'The name is missing',
	'ceremony.field.nameMax': 'The name can be at most 120 characters',
	'ceremony.field.titleMax': 'The title can be at most {maximum} characters',
	'ceremony.field.unitMax': 'The unit can be at most {maximum} characters',
	'ceremony.field.phone': 'A phone number has only digits (6–20 characters)',
	'ceremony.field.groupId': 'Invalid group code',
	'ceremony.field.ceremonyId': 'Invalid ceremony code',
	'ceremony.field.title': 'Enter the ceremony name',
	'ceremony.field.place': 'Enter the venue',
	'ceremony.field.textMax': 'At most 300 characters',
	'ceremony.field.startsAt': 'Invalid opening time',
	'ceremony.field.listEmpty': 'The list is empty',
	'ceremony.field.listMax': 'At most 5,000 people at a time',
	'ceremony.field.mode': 'Choose to replace the current list or add to it',
	'ceremony.field.inviteeId': 'Invalid guest id',
	'ceremony.field.code': 'This QR code is not for this ceremony',
	'ceremony.field.inviteeOrCode': 'Pick a guest or scan a QR code',
	'ceremony.field.countNumber': 'The number of people must be a number',
	'ceremony.field.countInteger': 'The number of people must be a whole number',
	'ceremony.field.countMin': 'At least 1 person',
	'ceremony.field.countMax': 'At most 1,000 people per count',
	'ceremony.field.checkinId': 'Invalid check-in id',

	'ceremony.refusal.noScenario': 'There is no scenario yet: load one first.',
	'ceremony.refusal.noGroup': 'There is no such group.',
	'ceremony.refusal.noCeremony':
		'There is no ceremony here yet: the organizers must set it up (title, place, time) first.',
	'ceremony.refusal.groupOfAnother': 'The group id "{group}" is already used by another ceremony.',
	'ceremony.refusal.otherCeremony':
		'{name} is invited to the ceremony at {place}, not to the one at this gate ({here}). Not checked in.',
	'ceremony.refusal.groupInUse':
		'The group “{name}” already has guests or check-ins and cannot be removed (change its expected number instead).',
	'ceremony.refusal.unknownGroup': 'There is no group "{group}"',
	'ceremony.refusal.unknownGroups': 'The list names groups that are not in this ceremony.',
	'ceremony.refusal.replaceAfterCheckins':
		'Guests have already checked in, so the whole list can no longer be replaced. Choose “Add to the list”.',
	'ceremony.refusal.unknownCode': 'This QR code is not on the guest list.',
	'ceremony.refusal.unknownInvitee': 'This guest is not on the list.',
	'ceremony.refusal.alreadyIn': '{name} already checked in at {time} at {gate}. Not counted again.',
	'ceremony.refusal.noCheckin': 'There is no such check-in.',
	'ceremony.refusal.alreadyUndone': 'This check-in was already undone.',
	'ceremony.refusal.otherGate': 'Only the gate that recorded this check-in can undo it.',
	'ceremony.refusal.undoLate':
		'A check-in can only be undone within {minutes} {minutes|minute|minutes} of recording it.',

	'ceremony.feed.checkedIn': '{name} checked in ({gate})',
	'ceremony.feed.counted': '{count} {count|person|people} counted in ({gate})',
	'ceremony.feed.undone': 'Check-in undone: {who} ({gate})',
	'ceremony.feed.setup': 'Ceremony updated: {title}, {time}',
	'ceremony.feed.groupAdded': 'Group “{name}” added (expected {expected})',
	'ceremony.feed.groupEdited': 'Group “{name}” edited (expected {expected})',
	'ceremony.feed.groupRemoved': 'Group “{name}” removed',
	'ceremony.feed.listReplacedCounts':
		'Guest list replaced: {added} added, {updated} updated, {unchanged} unchanged, {removed} removed',
	'ceremony.feed.listAppendedCounts':
		'Guest list imported: {added} added, {updated} updated, {unchanged} unchanged',
	'ceremony.feed.listReplaced': 'New guest list: {count} {count|guest|guests}',
	'ceremony.feed.listAppended': 'Added to the guest list: {count} {count|guest|guests}'
};

export default en;
