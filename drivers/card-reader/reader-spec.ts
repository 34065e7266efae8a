/** The reader address syntax lives in core (the contract validates with it); drivers open what it names. */
export * from '../../core/devices/reader-spec';
