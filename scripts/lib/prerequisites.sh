# Checks that the tools the tests run against are present; says how to install each missing one.
# Sourced by scripts/test.sh (require_prerequisites) and scripts/rehearse.sh, which needs only
# .NET, Node and moto (require_prerequisites rehearsal): no C toolchain, objdump or cfn-lint.

require_prerequisites() {
  local scope="${1:-tests}"
  local missing=0
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "missing: the .NET 10 SDK (https://dotnet.microsoft.com/download/dotnet/10.0)" >&2
    missing=1
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "missing: Node.js 20 or newer with npm (https://nodejs.org)" >&2
    missing=1
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "missing: Python 3.11+, then: pip install \"moto[server]\" boto3 cfn-lint" >&2
    missing=1
  elif ! python3 -c "import moto, boto3, botocore" >/dev/null 2>&1 || ! command -v moto_server >/dev/null 2>&1; then
    echo "missing: moto_server / boto3 / botocore; install them with: pip install \"moto[server]\" boto3 cfn-lint" >&2
    missing=1
  fi
  if [ "$scope" = "rehearsal" ]; then
    if [ "$missing" -ne 0 ]; then
      echo "Install the tools above and run again." >&2
      exit 2
    fi
    return 0
  fi
  # Native AOT publish of the bootstrap links with clang or gcc (zlib comes inside the .NET runtime
  # pack); the hosting tests read the binary's glibc symbol versions with objdump (binutils).
  if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
    echo "missing: a C toolchain for Native AOT; install it with: apt-get install -y gcc (or clang)" >&2
    missing=1
  fi
  if ! command -v objdump >/dev/null 2>&1; then
    echo "missing: objdump; install it with: apt-get install -y binutils" >&2
    missing=1
  fi
  if ! command -v cfn-lint >/dev/null 2>&1; then
    echo "missing: cfn-lint; install it with: pip install cfn-lint" >&2
    missing=1
  fi
  if [ "$missing" -ne 0 ]; then
    echo "Install the tools above and run again." >&2
    exit 2
  fi
}
