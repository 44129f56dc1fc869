/** The portal's article types, offered for completion (any other type may be typed). */
export const articleTypes = ['Meldung', 'Bericht', 'Interview', 'Kommentar', 'Reportage', 'Pressemitteilung'] as const;
