# Sourced by ./mvnw before Maven starts. BooksFlow builds with JDK 21 or newer.
# If JAVA_HOME (or the java on PATH) is older, look for a newer JDK in the usual
# install places and use it; the enforcer rule in pom.xml explains what to do when
# none is found.

booksflow_java_major() {
  # Prints the feature version of the JDK at $1 (reads its "release" file).
  [ -f "$1/release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  v=${v#1.}
  printf '%s\n' "${v%%[._-]*}"
}

booksflow_current_home() {
  if [ -n "${JAVA_HOME-}" ]; then
    printf '%s\n' "$JAVA_HOME"
  elif command -v javac >/dev/null 2>&1; then
    javac_path=$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)
    dirname "$(dirname "$javac_path")"
  fi
}

booksflow_select_jdk() {
  current=$(booksflow_current_home)
  if [ -n "$current" ]; then
    major=$(booksflow_java_major "$current" 2>/dev/null || echo 0)
    [ "${major:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  best="" best_major=0
  set +f # mvnw runs with globbing off; the search below needs it
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$candidate/bin/javac" ] || continue
    m=$(booksflow_java_major "$candidate" 2>/dev/null) || continue
    if [ "${m:-0}" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then
      best=$candidate best_major=$m
    fi
  done
  set -f
  if [ -n "$best" ]; then
    [ "${MVNW_VERBOSE-}" = true ] && echo "BooksFlow: using JDK $best_major at $best" >&2
    JAVA_HOME=$best
    export JAVA_HOME
  fi
}

booksflow_select_jdk

# Maven 3.9 still touches sun.misc.Unsafe, which JDK 24+ warns about on every run.
if [ "$(booksflow_java_major "$(booksflow_current_home)" 2>/dev/null || echo 0)" -ge 24 ] 2>/dev/null; then
  MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS-}"
  export MAVEN_OPTS
fi
