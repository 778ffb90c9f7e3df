//! Native benchmark (filled in by the bench commit).

fn main() {}
