// Shell completion scripts. Each asks the executable itself (`kubectl-gs __complete <words> <current>`)
// for candidates, using cobra's protocol: one candidate per line ("value<TAB>description" where the
// candidate has one), then a line ":<directive>". kubectl (>= 1.26) speaks the same protocol to
// `kubectl_complete-gs`, which is how `kubectl gs <TAB>` completes. Without descriptions (cobra's
// --no-descriptions) the scripts call `__completeNoDesc`, which prints the values alone.

export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';

function bash(call: string): string {
  return `# bash completion for kubectl-gs (kubectl gs)
_kubectl_gs_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local out
  out=$(kubectl-gs ${call} "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return 0
  local candidates
  candidates=$(printf '%s\\n' "$out" | grep -v '^:' | cut -f1)
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _kubectl_gs_complete kubectl-gs
`;
}

function zsh(call: string): string {
  return `#compdef kubectl-gs
# zsh completion for kubectl-gs (kubectl gs)
_kubectl_gs() {
  local -a lines described
  lines=("\${(@f)$(kubectl-gs ${call} "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
  local line value
  for line in "\${lines[@]}"; do
    [[ "$line" == :* || -z "$line" ]] && continue
    value="\${line%%$'\\t'*}"
    value="\${value//:/\\\\:}"
    if [[ "$line" == *$'\\t'* ]]; then described+=("$value:\${line#*$'\\t'}"); else described+=("$value"); fi
  done
  _describe 'kubectl-gs' described
}
compdef _kubectl_gs kubectl-gs
`;
}

function fish(call: string): string {
  return `# fish completion for kubectl-gs (kubectl gs)
function __kubectl_gs_complete
    set -l words (commandline -opc)
    set -e words[1]
    kubectl-gs ${call} $words (commandline -ct) 2>/dev/null | string match -v -r '^:'
end
complete -c kubectl-gs -f -a '(__kubectl_gs_complete)'
`;
}

function powershell(call: string): string {
  return `# PowerShell completion for kubectl-gs (kubectl gs)
Register-ArgumentCompleter -Native -CommandName 'kubectl-gs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = $commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() }
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = $words[0..($words.Count - 2)] }
    $out = & kubectl-gs ${call} @words $wordToComplete 2>$null
    $out | Where-Object { $_ -notmatch '^:' } | ForEach-Object {
        $parts = $_ -split "\`t", 2
        $tip = if ($parts.Count -gt 1) { $parts[1] } else { $parts[0] }
        [System.Management.Automation.CompletionResult]::new($parts[0], $parts[0], 'ParameterValue', $tip)
    }
}
`;
}

export const shells: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell'];

const writers: Record<Shell, (call: string) => string> = { bash, zsh, fish, powershell };

export function completionScript(shell: Shell, descriptions: boolean): string {
  return writers[shell](descriptions ? '__complete' : '__completeNoDesc');
}
