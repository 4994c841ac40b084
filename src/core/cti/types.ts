/** The threat-intelligence entity types (a light module: the shell imports it without the taggers). */
export type CtiType = 'threatActor' | 'malware' | 'tool' | 'technique';
export const CTI_TYPES: readonly CtiType[] = ['threatActor', 'malware', 'tool', 'technique'];
