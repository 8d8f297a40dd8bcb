/** Every command the server accepts, by type. A new feature adds its handlers here. */
import type { CommandType } from '$lib/commands';
import { createDisplayLink, revokeDisplayLinkCommand } from '../displays/commands';
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
import type { CommandDef } from './define';

export const commandDefs: { [T in CommandType]: CommandDef<T, never> } = {
	'notice.post': postNotice,
	'display_link.create': createDisplayLink,
	'display_link.revoke': revokeDisplayLinkCommand,
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
	'demo.new_day': newDemoDay
} as never;
