/** placeholder entry, replaced in this change. */
export {};
