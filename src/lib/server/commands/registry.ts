/** Every command the server accepts, by type. A new feature adds its handlers here. */
import type { CommandType } from '$lib/commands';
import { configureDisplayLink, createDisplayLink, revokeDisplayLinkCommand } from '../displays/commands';
import { postNotice } from '../notices/commands';
import { importScenario } from '../scenario/commands';
import { createUser, resetPassword, updateUserCommand } from '../users/commands';
import {
	acknowledge,
	arrive,
	assignCrew,
	assignRoute,
	autoStatus,
	clearAlertCommand,
	depart,
	finish,
	messageCrew,
	raiseAlert,
	reportIncident,
	resume,
	saveRoute,
	setStart,
	systemReached
} from '../trucks/commands';
import { newDemoDay } from '../simulator/commands';
import {
	checkIn,
	countGroup,
	importInvitees,
	removeGroupCommand,
	saveGroupCommand,
	saveSetup,
	undo
} from '../ceremony/commands';
import {
	addToWards,
	removeItem,
	reviewPhoto,
	saveItem,
	setDeadline,
	tick,
	untick
} from '../checklists/commands';
import { saveDraftCommand, setTarget, signOff, submitReport } from '../reports/commands';
import type { CommandDef } from './define';

export const commandDefs: { [T in CommandType]: CommandDef<T, never> } = {
	'notice.post': postNotice,
	'display_link.create': createDisplayLink,
	'display_link.revoke': revokeDisplayLinkCommand,
	'display_link.configure': configureDisplayLink,
	'user.create': createUser,
	'user.update': updateUserCommand,
	'user.reset_password': resetPassword,
	'scenario.import': importScenario,
	'truck.depart': depart,
	'truck.arrive': arrive,
	'truck.incident': reportIncident,
	'truck.resume': resume,
	'truck.finish': finish,
	'route.save': saveRoute,
	'truck.assign_route': assignRoute,
	'truck.assign_crew': assignCrew,
	'parade.set_start': setStart,
	'crew.message': messageCrew,
	'alert.acknowledge': acknowledge,
	'truck.auto_status': autoStatus,
	'truck.reached': systemReached,
	'alert.raise': raiseAlert,
	'alert.clear': clearAlertCommand,
	'checklist.tick': tick,
	'checklist.untick': untick,
	'checklist.review_photo': reviewPhoto,
	'checklist.save_item': saveItem,
	'checklist.add_to_wards': addToWards,
	'checklist.remove_item': removeItem,
	'checklist.set_deadline': setDeadline,
	'ceremony.save_setup': saveSetup,
	'ceremony.save_group': saveGroupCommand,
	'ceremony.remove_group': removeGroupCommand,
	'ceremony.import_invitees': importInvitees,
	'gate.check_in': checkIn,
	'gate.count': countGroup,
	'gate.undo': undo,
	'report.save_draft': saveDraftCommand,
	'report.submit': submitReport,
	'report.sign_off': signOff,
	'report.set_target': setTarget,
	'demo.new_day': newDemoDay
} as never;
