//! Unit tests of the parts: the tokenizer, dates, the order check, the output's quoting.

use super::csv::Csv;
use super::keys::SeenKeys;
use super::*;

fn records(pieces: &[&[u8]]) -> Vec<(u64, Vec<String>, Option<String>)> {
    let mut csv = Csv::new();
    let mut out = Vec::new();
    for p in pieces {
        csv.feed(p, &mut out);
    }
    csv.finish(&mut out);
    out.into_iter().map(|r| (r.row, r.fields, r.fault.map(|f| f.1))).collect()
}

fn fields(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn csv_reads_quotes_line_ends_a_bom_and_blank_lines() {
    let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\rlast, \"q\" \n";
    let want = vec![
        (1, fields(&["a", "b"]), None),
        (2, fields(&["x, y", "say \"hi\""]), None),
        (4, fields(&["two\nlines", "z"]), None),
        (5, fields(&["last", "q"]), None),
    ];
    assert_eq!(records(&[text.as_bytes()]), want);
    // Cut anywhere, even inside the BOM or a CRLF: the same records.
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        assert_eq!(records(&[&bytes[..cut], &bytes[cut..]]), want, "cut at {cut}");
    }
    // No final line end; a lone BOM-like prefix that is not a BOM.
    assert_eq!(records(&[b"a,b"]), vec![(1, fields(&["a", "b"]), None)]);
    let r = records(&[b"\xef\xbbx"]);
    assert!(r[0].2.as_deref().unwrap().starts_with("not UTF-8"), "{r:?}");
}

#[test]
fn csv_names_what_it_cannot_read() {
    let r = records(&[b"a,\"b\"c,d\n"]);
    assert_eq!(r[0].1, fields(&["a", "bc", "d"]));
    assert!(r[0].2.as_deref().unwrap().starts_with("text after a closing quote"));
    let r = records(&[b"a,\"open\nstill\n"]);
    assert_eq!(r.len(), 1);
    assert!(r[0].2.as_deref().unwrap().starts_with("a quoted field is not closed"));
    let r = records(&[b"\xff,x\n"]);
    assert!(r[0].2.as_deref().unwrap().starts_with("not UTF-8"));
}

#[test]
fn dates_and_ages() {
    let d = |s| Date::parse(s);
    assert_eq!(d("1980-03-15"), Some(Date { year: 1980, month: 3, day: 15 }));
    assert_eq!(d("3/15/1980"), d("03/15/1980"));
    assert_eq!(d("2000-02-29").map(|x| x.to_string()), Some("2000-02-29".into()));
    for bad in ["1900-02-29", "2023-02-29", "1980-13-01", "1980-04-31", "80-01-01", "1/1/80", "1980/01/01", "", "x", "1980-1-1-1", "-1980-01-01"] {
        assert_eq!(d(bad), None, "{bad}");
    }
    let on = Date { year: 2022, month: 1, day: 1 };
    assert_eq!(d("1980-01-01").unwrap().age_on(on), Some(42));
    assert_eq!(d("1980-01-02").unwrap().age_on(on), Some(41));
    assert_eq!(d("2022-01-01").unwrap().age_on(on), Some(0));
    assert_eq!(d("2022-01-02").unwrap().age_on(on), None);
    // Born on February 29: a year older on March 1 of other years.
    let leap = d("2000-02-29").unwrap();
    assert_eq!(leap.age_on(Date { year: 2001, month: 2, day: 28 }), Some(0));
    assert_eq!(leap.age_on(Date { year: 2001, month: 3, day: 1 }), Some(1));
}

#[test]
fn seen_keys_remember_every_key() {
    let mut seen = SeenKeys::default();
    for i in 0..50_000 {
        assert!(seen.insert(&format!("H{i}")), "H{i} new");
    }
    for i in (0..50_000).step_by(997) {
        assert!(!seen.insert(&format!("H{i}")), "H{i} seen");
    }
    assert_eq!(seen.len, 50_000);
    assert!(seen.slots.len() * 7 >= seen.len * 8);
}

#[test]
fn csv_fields_are_quoted_where_needed() {
    let mut out = String::new();
    for f in ["plain", "a,b", "say \"hi\"", " lead", "new\nline"] {
        csv_field(f, &mut out);
        out.push('|');
    }
    assert_eq!(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\" lead\"|\"new\nline\"|");
}
