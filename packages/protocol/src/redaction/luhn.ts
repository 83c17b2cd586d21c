/** The Luhn checksum of a string of ASCII digits (payment cards, IMEI, SIRET). */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return digits.length > 1 && sum % 10 === 0;
}
