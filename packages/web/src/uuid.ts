const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from the address can be one the API gave (else the page says so without asking). */
export const isUuid = (value: string): boolean => UUID.test(value);
