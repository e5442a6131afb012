import { CsvError, detectDelimiter, parseCsv } from "../csv"

describe("parseCsv", () => {
  it("reads comma separated text with a line number per record", () => {
    const { delimiter, records } = parseCsv("sku,quantity\nA,1\nB,2\n")
    expect(delimiter).toBe(",")
    expect(records).toEqual([
      { line: 1, fields: ["sku", "quantity"] },
      { line: 2, fields: ["A", "1"] },
      { line: 3, fields: ["B", "2"] },
    ])
  })

  it("takes the semicolon of Dutch Excel, CRLF line ends and a byte order mark", () => {
    const { delimiter, records } = parseCsv("\uFEFFsku;quantity\r\nBORD-1;12\r\n")
    expect(delimiter).toBe(";")
    expect(records.map((r) => r.fields)).toEqual([
      ["sku", "quantity"],
      ["BORD-1", "12"],
    ])
  })

  it("handles quoted fields with separators, doubled quotes and line breaks, keeping later line numbers right", () => {
    const { records } = parseCsv('sku;note;quantity\n"A;1";"zeg ""hoi""\nen doei";5\nB;x;6')
    expect(records[1]).toEqual({ line: 2, fields: ["A;1", 'zeg "hoi"\nen doei', "5"] })
    expect(records[2]).toEqual({ line: 4, fields: ["B", "x", "6"] })
  })

  it("skips blank lines and the empty ;; rows Excel leaves at the end, but counts them", () => {
    const { records } = parseCsv("sku;quantity\n\nA;1\n;;\n ; \nB;2")
    expect(records.map((r) => r.line)).toEqual([1, 3, 6])
  })

  it("refuses a quote that is never closed, with its line", () => {
    expect(() => parseCsv('sku,quantity\nA,1\n"B,2\nC,3')).toThrow(CsvError)
    try {
      parseCsv('sku,quantity\nA,1\n"B,2\nC,3')
    } catch (e) {
      expect((e as CsvError).line).toBe(3)
    }
  })

  it("keeps a quote inside an unquoted field as text", () => {
    expect(parseCsv('sku;note;quantity\nA;10" bord;2\n').records[1]).toEqual({ line: 2, fields: ["A", '10" bord', "2"] })
  })

  it("picks the separator of the header line, ignoring separators inside quotes", () => {
    expect(detectDelimiter("sku,quantity\n")).toBe(",")
    expect(detectDelimiter("sku;quantity;location\nA,B,C,D,E")).toBe(";")
    expect(detectDelimiter('"a,b,c";quantity\n')).toBe(";")
  })
})
