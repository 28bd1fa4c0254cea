/// Quoting for the POSIX shell, for command lines that are stored or written into job scripts.
public enum Shell {
  /// `argument`, quoted when it holds anything but characters the shell leaves alone.
  public static func quoted(_ argument: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@,+%")
    guard argument.isEmpty || !argument.allSatisfy(safe.contains) else { return argument }
    return "'"
      + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
      + "'"
  }
}
