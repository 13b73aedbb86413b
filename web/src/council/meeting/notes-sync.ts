/**
 * The notes of one agenda item while several people may be writing them. What the person typed
 * is never thrown away: a newer text from the server replaces the box only when the person has
 * not changed it and is not in it; otherwise they are told and choose. A save refused as stale
 * (409 council.stale) shows both texts — theirs and mine — and the person keeps one or merges.
 * Pure: the component feeds it events and renders what it says.
 */

export interface NotesText {
  text: string;
  version: number;
}

export interface NotesState {
  /** The server's text the draft was started from, and its version (sent with the next save). */
  base: NotesText;
  /** What the box shows. */
  draft: string;
  focused: boolean;
  saving: boolean;
  /** A newer text from someone else, not shown because the person is writing. */
  incoming: NotesText | null;
  /** A save was refused: their text and mine, side by side, until the person chooses. */
  conflict: { theirs: NotesText; mine: string } | null;
}

export function initNotes(server: NotesText): NotesState {
  return { base: server, draft: server.text, focused: false, saving: false, incoming: null, conflict: null };
}

/** The box differs from the text it was started from. */
export function isDirty(state: NotesState): boolean {
  return state.draft !== state.base.text;
}

function adopt(state: NotesState, server: NotesText): NotesState {
  return { ...state, base: server, draft: server.text, incoming: null };
}

/** The server's notes, as a refetch brought them. */
export function receive(state: NotesState, server: NotesText): NotesState {
  if (state.conflict) {
    return server.version > state.conflict.theirs.version ? { ...state, conflict: { ...state.conflict, theirs: server } } : state;
  }
  if (server.version <= state.base.version) return state;
  if (server.text === state.draft) return { ...state, base: server, incoming: null };
  if (!isDirty(state) && !state.focused && !state.saving) return adopt(state, server);
  if (state.incoming && state.incoming.version >= server.version) return state;
  return { ...state, incoming: server };
}

export function edit(state: NotesState, draft: string): NotesState {
  return { ...state, draft };
}

/** Entering or leaving the box; leaving an unchanged box takes what someone else wrote meanwhile. */
export function focus(state: NotesState, focused: boolean): NotesState {
  const next = { ...state, focused };
  if (!focused && next.incoming && !isDirty(next) && !next.saving) return adopt(next, next.incoming);
  return next;
}

/** What a save sends, or null when there is nothing to save (unchanged, or a save already under way, or a conflict to settle). */
export function toSave(state: NotesState): NotesText | null {
  if (state.saving || state.conflict || !isDirty(state)) return null;
  return { text: state.draft, version: state.base.version };
}

export function saveStarted(state: NotesState): NotesState {
  return { ...state, saving: true };
}

/** The server kept `sent` as `version`; the person may have typed on meanwhile (the draft stays). */
export function saved(state: NotesState, sent: string, version: number): NotesState {
  const incoming = state.incoming && state.incoming.version > version ? state.incoming : null;
  return { ...state, saving: false, base: { text: sent, version }, incoming };
}

/** The save failed for another reason: nothing changes but the box may be saved again. */
export function saveFailed(state: NotesState): NotesState {
  return { ...state, saving: false };
}

/** The save was refused as stale: `theirs` is the text now on the server. */
export function stale(state: NotesState, theirs: NotesText): NotesState {
  if (theirs.text === state.draft) return { ...state, saving: false, base: theirs, incoming: null };
  return { ...state, saving: false, incoming: null, conflict: { theirs, mine: state.draft } };
}

/** "Reload" after being told someone else changed the notes: an unchanged box takes theirs, a changed one shows both. */
export function reloadIncoming(state: NotesState): NotesState {
  if (!state.incoming) return state;
  if (!isDirty(state)) return adopt(state, state.incoming);
  return { ...state, conflict: { theirs: state.incoming, mine: state.draft }, incoming: null };
}

export type Resolution = 'mine' | 'theirs' | 'merge';

/**
 * The person settles a conflict. Every choice starts from their version (so the next save is
 * accepted); "mine" keeps my text to be saved over theirs, "merge" puts both in the box to edit.
 */
export function resolve(state: NotesState, choice: Resolution): NotesState {
  if (!state.conflict) return state;
  const { theirs, mine } = state.conflict;
  const draft = choice === 'theirs' ? theirs.text : choice === 'mine' ? mine : mergeNotes(theirs.text, mine);
  return { ...state, conflict: null, incoming: null, base: theirs, draft };
}

/**
 * Both texts in one: theirs, then the lines of mine they do not already have. One containing
 * the other (a person who only added to it) is simply the longer one.
 */
export function mergeNotes(theirs: string, mine: string): string {
  if (theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  const have = new Set(theirs.split('\n').map((line) => line.trim()));
  const added = mine.split('\n').filter((line) => line.trim() !== '' && !have.has(line.trim()));
  if (added.length === 0) return theirs;
  return `${theirs.replace(/\s+$/, '')}\n${added.join('\n')}`;
}
