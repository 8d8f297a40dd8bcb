/**
 * Words a plan's documents print as they are, in Vietnamese whatever the reader's language: they
 * are the official forms' own words (the report a unit signs and sends upward), not the app's.
 */

/** the heading of the report form (mẫu báo cáo) when the scenario gives none */
export const officialReportTitle = 'BÁO CÁO';
