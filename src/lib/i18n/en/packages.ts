/** English for ../vi/packages.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/packages';

const en: Messages<typeof vi> = {
	'packages.export.link': 'Download the signed report package',
	'packages.export.hint':
		'A .zip with the signed Excel table and a data file with a checksum, to send to the level above.',
	'packages.export.notSigned': "This level's table is not signed off yet: there is no package to download.",

	'packages.import.title': "Import a unit's report package",
	'packages.import.hint':
		"A lower level that runs its own system downloads its signed report package (.zip) and sends it up. Import it here to count that signed table as the unit's report.",
	'packages.import.file': 'Report package (.zip)',
	'packages.import.submit': 'Import package',
	'packages.import.noFile': 'No report package (.zip) chosen.',
	'packages.import.forbidden': 'You may not import report packages.',
	'packages.import.done':
		"Imported {unit}'s report package: submission {version}, table signed {time} by {by}.",
	'packages.import.noUnit':
		'This plan has no unit "{unit}" (id {id}) from the package: nothing imported. A package must come from a unit of this plan, with the same id.',
	'packages.import.otherUnit':
		'The package is from "{theirs}", but unit {id} in this plan is "{ours}": nothing imported. Check the package, or correct the unit\'s name in the plan.',
	'packages.import.ownLevel':
		'This package is the table of "{unit}" itself: this level\'s table is added up from its units, not imported. Packages are imported by the level above.',
	'packages.import.otherTemplate':
		"The package's report template differs from this plan's ({n} {n|difference|differences}): nothing imported.",
	'packages.import.rowsMissing': 'The package lacks the rows: {rows}',
	'packages.import.rowsExtra': 'The package has rows this template does not: {rows}',
	'packages.import.otherTitle': 'The package\'s template is "{theirs}", here it is "{ours}"',
	'packages.import.already':
		'This signed table of {unit} was imported already (submission {version}, at {time}): nothing changed.',

	'packages.read.tooLarge': 'The file is over {mb} MB: it is not a report package.',
	'packages.read.unzipsTooLarge': 'The file unzips too large: it is not a report package.',
	'packages.read.notZip':
		'The file cannot be read: a report package is a .zip downloaded from the report overview.',
	'packages.read.noManifest': 'The .zip has no {file}: it is not a report package.',
	'packages.read.notPackage': "Its {file} is not a report package's data file.",
	'packages.read.version':
		'The package was made by another version of the software (format {version}): update the software at both levels.',
	'packages.read.altered':
		'The report package was changed after it was signed: its figures no longer match its checksum (SHA-256). Nothing imported. Ask the unit to download the package again from its own system and send it unopened.',
	'packages.read.tableAltered':
		'The Excel table in the package was changed after it was signed: it no longer matches its checksum (SHA-256). Nothing imported. Ask the unit to download the package again and send it unopened.',
	'packages.read.invalid': "The package's data file is not in the expected format: nothing imported.",
	'packages.read.noTable': 'The package has no Excel table {file}: nothing imported.',

	'packages.shape.id': 'Not a valid id',
	'packages.shape.empty': 'Must not be empty',
	'packages.shape.tooLong': 'Too long (at most {maximum} characters)',
	'packages.shape.time': 'Must be an ISO 8601 time',
	'packages.shape.sha256': 'Must be a SHA-256 (64 hex digits)',
	'packages.shape.tooManyRows': 'Too many rows',
	'packages.shape.fileName': 'Not a valid Excel file name',
	'packages.shape.format': 'Not a report package',
	'packages.shape.version': 'Format version not supported',

	'packages.tooLarge': 'The report package is too large (at most 2 MB).',

	'packages.overview.imported':
		'{unit}: table signed {time} ({by}), imported from its report package, counted here',
	'packages.mark': 'signed package',
	'packages.versionMark': 'report package signed {time} ({by})',
	'packages.feed.imported': "{unit}'s signed report package imported (submission {version})"
};

export default en;
