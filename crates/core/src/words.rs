//! Numbers in words as the pages show them, shared by the app and the views that load on
//! demand (which cannot depend on the app): "1,234", "No results", "3 results".

/// A count with its noun: "No results", "1 result", "3 results", "1,234 results".
pub fn count_of(count: usize, singular: &str, plural: &str) -> String {
    match count {
        0 => format!("No {plural}"),
        1 => format!("1 {singular}"),
        n => format!("{} {plural}", thousands(n)),
    }
}

/// A number with comma thousands separators: 1234567 → "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        for (n, expect) in [
            (0, "No results"),
            (1, "1 result"),
            (3, "3 results"),
            (999, "999 results"),
            (1000, "1,000 results"),
            (1_234_567, "1,234,567 results"),
        ] {
            assert_eq!(count_of(n, "result", "results"), expect);
        }
    }
}
