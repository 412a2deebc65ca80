// The route table: every route of the API, in one list. The server, the OpenAPI document and
// the access tests all read it.
import type { Route } from '../route.ts';
import { adminRoutes } from './admin.ts';
import { missionRoutes } from './mission.ts';
import { operationRoutes } from './operations.ts';
import { reportRoutes } from './reports.ts';
import { reviewRoutes } from './review.ts';
import { sessionRoutes } from './session.ts';

export const ROUTES: Route[] = [...sessionRoutes, ...adminRoutes, ...missionRoutes, ...operationRoutes, ...reviewRoutes, ...reportRoutes];
