/** The server speaks English from its start ($lib/server/lang); so do the in-process tests. */
import { addLanguage } from '../../src/lib/i18n';
import { english } from '../../src/lib/i18n/en';

addLanguage('en', english);
