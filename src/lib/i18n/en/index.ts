/** The English catalogue by area: loaded by the server at start, by a browser only for an English reader. */
import admin from './admin';
import ceremony from './ceremony';
import checklists from './checklists';
import common from './common';
import display from './display';
import ops from './ops';
import outbox from './outbox';
import packages from './packages';
import problems from './problems';
import realtime from './realtime';
import reports from './reports';
import time from './time';
import trucks from './trucks';
import units from './units';

export const english = {
	admin,
	ceremony,
	checklists,
	common,
	display,
	ops,
	outbox,
	packages,
	problems,
	realtime,
	reports,
	time,
	trucks,
	units
};
