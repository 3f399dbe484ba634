// Types for the parts of picomatch 4 that Launchbook uses (the package ships none).
declare module 'picomatch' {
	interface PicomatchOptions {
		dot?: boolean;
		nocase?: boolean;
		basename?: boolean;
		ignore?: string | readonly string[];
	}
	function picomatch(glob: string | readonly string[], options?: PicomatchOptions): (path: string) => boolean;
	export default picomatch;
}
