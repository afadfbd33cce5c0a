import type { Tx } from '../db/transactions';

/** The demo municipality's letterhead, printed on its decision letters. */
export async function loadDemoLetterhead(tx: Tx, municipalityId: string): Promise<void> {
  await tx
    .updateTable('municipality')
    .set({
      letter_address_lines: JSON.stringify(['Center for Helhedsorienteret Indsats', 'Rådhuspladsen 1', '9999 Demoby']),
      letter_phone: '+45 99 99 99 99',
      letter_web: 'www.helhed-demokommune.example',
    })
    .where('id', '=', municipalityId)
    .execute();
}
