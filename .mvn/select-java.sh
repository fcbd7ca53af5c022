# Sourced by ./mvnw and ./sonority: Sonority needs Java 25, while the default `java` on many machines is
# older. Keep JAVA_HOME when it already points at a JDK 25+, otherwise pick the newest JDK 25+ installed
# in the usual places. The enforcer rule in pom.xml still fails the build with a clear message if none is.
sonority_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
sonority_select_java() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(sonority_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  for candidate in $(set +f; ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*-2[6-9]* /opt/java/openjdk /opt/jdk* 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/java" ] && [ "$(sonority_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "sonority: no JDK 25 found (set JAVA_HOME to a Java 25 JDK, e.g. Eclipse Temurin 25)" >&2
}
sonority_select_java
