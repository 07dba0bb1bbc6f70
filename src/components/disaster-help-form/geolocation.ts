/**
 * The device location for the help form's geo field, only when the resident asks for it and the
 * browser allows it: rounded to six decimals (about 10 cm) with the accuracy in whole metres.
 */
import type {Geo} from '../../core/help-request/engine.js';

/** Asks for the location; `found` or `failed` is called back. False when the device has no geolocation. */
export function locateDevice(found: (geo: Geo) => void, failed: () => void): boolean {
  if (!navigator.geolocation) return false;
  navigator.geolocation.getCurrentPosition(
    ({coords}) => found({latitude: +coords.latitude.toFixed(6), longitude: +coords.longitude.toFixed(6), accuracy_m: Math.round(coords.accuracy)}),
    failed,
    {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000},
  );
  return true;
}
