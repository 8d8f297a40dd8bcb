/** A truck as the planning page shows it: who it is, which ward, which route it is given. */
export interface PlanTruck {
	id: string;
	name: string;
	unitName: string;
	routeId: string | null;
}
