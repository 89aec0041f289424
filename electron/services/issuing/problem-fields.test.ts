import { describe, expect, it } from 'vitest';
import { fieldOfElementPath, fieldOfModelPath } from './problem-fields';

describe('problem fields', () => {
  it('puts schema errors at the form field, rows of a correction first in "before"', () => {
    expect(fieldOfElementPath('/Faktura/Fa/P_2', 0)).toBe('number');
    expect(fieldOfElementPath('/Faktura/Fa/FaWiersz[2]/P_8B', 0)).toBe('lines.1.quantity');
    expect(fieldOfElementPath('/Faktura/Fa/FaWiersz/P_9A', 0)).toBe('lines.0.unitPrice');
    expect(fieldOfElementPath('/Faktura/Fa/FaWiersz[1]/P_12', 1)).toBe('correction.linesBefore.0.rate');
    expect(fieldOfElementPath('/Faktura/Fa/FaWiersz[3]/P_12', 1)).toBe('lines.1.rate');
    expect(fieldOfElementPath('/tns:Faktura/tns:Podmiot2/tns:DaneIdentyfikacyjne/tns:NIP', 0)).toBe('buyer.identifier');
    expect(fieldOfElementPath('/Faktura/Fa/Platnosc/RachunekBankowy[1]/NrRB', 0)).toBe('payment.bankAccount');
    expect(fieldOfElementPath('/Faktura/Podmiot1/Adres/AdresL1', 0)).toBe('seller');
    expect(fieldOfElementPath('/Faktura/Fa/WarunkiTransakcji', 0)).toBeNull();
  });

  it('on advance invoices: order lines are the form lines, P_6 is the received date, advances are rows', () => {
    expect(fieldOfElementPath('/Faktura/Fa/Zamowienie/ZamowienieWiersz[2]/P_8BZ', 0, 'ZAL')).toBe('lines.1.quantity');
    expect(fieldOfElementPath('/Faktura/Fa/Zamowienie/ZamowienieWiersz/P_11NettoZ', 0, 'ZAL')).toBe('lines.0.unitPrice');
    expect(fieldOfElementPath('/Faktura/Fa/Zamowienie/ZamowienieWiersz[1]/GTUZ', 0, 'ZAL')).toBe('lines.0.gtu');
    expect(fieldOfElementPath('/Faktura/Fa/Zamowienie/WartoscZamowienia', 0, 'ZAL')).toBe('lines');
    expect(fieldOfElementPath('/Faktura/Fa/P_6', 0, 'ZAL')).toBe('advance.receivedDate');
    expect(fieldOfElementPath('/Faktura/Fa/P_6', 0, 'VAT')).toBe('saleDate');
    expect(fieldOfElementPath('/Faktura/Fa/FakturaZaliczkowa[2]/NrKSeFFaZaliczkowej', 0, 'ROZ')).toBe('advance.settled.1.reference');
    expect(fieldOfModelPath('order.lines.0.rate', 0, 'ZAL')).toBe('lines.0.rate');
    expect(fieldOfModelPath('advanceInvoices.1.ksefNumber', 0, 'ROZ')).toBe('advance.settled.1.reference');
    expect(fieldOfModelPath('saleDate', 0, 'ZAL')).toBe('advance.receivedDate');
  });

  it('puts model and rule issues at the form field', () => {
    expect(fieldOfModelPath('lines.0.rate', 0)).toBe('lines.0.rate');
    expect(fieldOfModelPath('lines.2.exchangeRate', 0)).toBe('exchangeRate');
    expect(fieldOfModelPath('buyer.identifier.value', 0)).toBe('buyer.identifier');
    expect(fieldOfModelPath('annotations.splitPayment', 0)).toBe('payment.splitPayment');
    expect(fieldOfModelPath('payment.bankAccounts.0.number', 0)).toBe('payment.bankAccount');
    expect(fieldOfModelPath('seller.nip', 0)).toBe('seller');
    expect(fieldOfModelPath('summary', 0)).toBeNull();
  });
});
