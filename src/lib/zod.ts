/** zod with Vietnamese messages by default; schemas import `z` from here. */
import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';

z.config(vi());

export { z };
