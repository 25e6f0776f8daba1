/** A map link for a reported location (opens the map app on a phone), for staff in chat and the LIFF. */
export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;
}
