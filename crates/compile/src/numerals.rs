//! Numbers as report text writes them: Arabic digits and Chinese numerals
//! (`119`, `二十二`, `第一`), and section ordinals.

/// Whether `stated` expresses `value`: one of its numbers (Arabic or Chinese
/// numerals) equals it, or, for zero, it says there was none (无, 未, 没有, 零).
pub fn states_value(stated: &str, value: u64) -> bool {
    if value == 0
        && ["无", "未", "没有", "零"]
            .iter()
            .any(|w| stated.contains(w))
    {
        return true;
    }
    numbers_in(stated).contains(&value)
}

/// The numbers written in a text, in order: runs of Arabic digits, ASCII or
/// full-width (`119`, `１１９`), and runs of Chinese numerals (`二十二`,
/// `第一` → 1).
pub fn numbers_in(text: &str) -> Vec<u64> {
    let mut numbers = Vec::new();
    let mut arabic = String::new();
    let mut chinese = String::new();
    for ch in text.chars().chain(std::iter::once(' ')) {
        if let Some(digit) = arabic_digit(ch) {
            arabic.push(digit);
        } else if !arabic.is_empty() {
            numbers.extend(arabic.parse::<u64>().ok());
            arabic.clear();
        }
        if chinese_digit(ch).is_some() || chinese_unit(ch).is_some() {
            chinese.push(ch);
        } else if !chinese.is_empty() {
            numbers.extend(parse_chinese_numeral(&chinese));
            chinese.clear();
        }
    }
    numbers
}

/// An Arabic digit, ASCII or full-width (`０`–`９`, as some portals print
/// them), as its ASCII character.
pub fn arabic_digit(ch: char) -> Option<char> {
    match ch {
        '0'..='9' => Some(ch),
        '０'..='９' => char::from_u32(u32::from(ch) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// A Chinese numeral digit (`零`–`九`, `两`) and its value.
pub fn chinese_digit(ch: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|c| c == ch)
        .map(|p| p as u64)
        .or((ch == '两').then_some(2))
}

/// A Chinese numeral unit (`十` `百` `千` `万`) and its value.
pub fn chinese_unit(ch: char) -> Option<u64> {
    match ch {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        '万' => Some(10_000),
        _ => None,
    }
}

/// `十二` → 12, `二十` → 20, `一百零五` → 105, `三万二千` → 32000.
pub fn parse_chinese_numeral(text: &str) -> Option<u64> {
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for ch in text.chars() {
        if let Some(d) = chinese_digit(ch) {
            digit = Some(d);
        } else if let Some(unit) = chinese_unit(ch) {
            if unit == 10_000 {
                total += (section + digit.unwrap_or(0)) * unit;
                section = 0;
            } else {
                section += digit.unwrap_or(1) * unit;
            }
            digit = None;
        } else {
            return None;
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbers).
pub fn chinese_ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        _ => format!(
            "{}十{}",
            DIGITS[(n / 10) % 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn chinese_numerals_parse() {
        assert_eq!(parse_chinese_numeral("一"), Some(1));
        assert_eq!(parse_chinese_numeral("十"), Some(10));
        assert_eq!(parse_chinese_numeral("十二"), Some(12));
        assert_eq!(parse_chinese_numeral("二十"), Some(20));
        assert_eq!(parse_chinese_numeral("一百零五"), Some(105));
        assert_eq!(parse_chinese_numeral("三万二千"), Some(32000));
        assert_eq!(parse_chinese_numeral("两"), Some(2));
        assert_eq!(parse_chinese_numeral("第一"), None);
    }

    #[test]
    fn numbers_are_found_in_stated_text() {
        assert_eq!(numbers_in("在全省119个县区中排名第一"), vec![119, 1]);
        assert_eq!(numbers_in("10余幅"), vec![10]);
        assert!(states_value("政务动态信息更新1182条", 1182));
        assert_eq!(numbers_in("更新１１８２条,其中３条"), vec![1182, 3]);
        assert!(states_value("１２条", 12));
        assert!(!states_value("政务动态信息更新1182条", 118));
        assert!(states_value("本年度未接到群众有关依申请公开的诉求", 0));
        assert!(!states_value("收到3件", 0));
    }

    #[test]
    fn ordinals_for_section_numbers() {
        assert_eq!(chinese_ordinal(4), "四");
        assert_eq!(chinese_ordinal(10), "十");
        assert_eq!(chinese_ordinal(12), "十二");
        assert_eq!(chinese_ordinal(21), "二十一");
    }
}
